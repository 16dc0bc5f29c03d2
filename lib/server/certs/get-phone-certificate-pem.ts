import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

/** The caller's certificate bytes and issuing CA (for 导出证书); someone else's is NOT_FOUND. */
export async function getPhoneCertificatePem({ userId, certificateId }: { userId: string; certificateId: string }) {
  const cert = await db.certificate.findFirst({ where: { id: certificateId, userId }, select: { der: true, caId: true, serialHex: true } });
  if (!cert) throw new AppError("not_found");
  return { der: new Uint8Array(cert.der), caId: cert.caId, serialHex: cert.serialHex };
}
