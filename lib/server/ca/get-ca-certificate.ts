import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

/** A CA's certificate (DER) for /pki/ca/<caId>.cer|.pem, inactive ones included: old certificates chain to them. */
export async function getCaCertificate(input: { caId: string }): Promise<{ der: Uint8Array; notAfter: Date; kind: string }> {
  const ca = await db.certificateAuthority.findUnique({ where: { id: input.caId }, select: { certDer: true, notAfter: true, kind: true } });
  if (!ca || ca.certDer.length === 0) throw new AppError("not_found", { userMessage: "errors.not_found" });
  return { der: ca.certDer, notAfter: ca.notAfter, kind: ca.kind };
}
