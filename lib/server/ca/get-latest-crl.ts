import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

/** The newest CRL of a CA, for /pki/crl/<caId>.crl. */
export async function getLatestCrl(input: { caId: string }): Promise<{ der: Uint8Array; number: bigint; thisUpdate: Date; nextUpdate: Date }> {
  const crl = await db.crl.findFirst({
    where: { caId: input.caId },
    orderBy: { number: "desc" },
    select: { der: true, number: true, thisUpdate: true, nextUpdate: true },
  });
  if (!crl) throw new AppError("not_found", { userMessage: "errors.not_found" });
  return crl;
}
