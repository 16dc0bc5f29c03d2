import { AppError } from "@/lib/errors";
import { decryptWithPin } from "@/lib/server/keys/decrypt-with-pin";
import { ZScanDecryptSchema } from "./phone-scan.types";
import { findScannedRequest } from "./find-scanned-request";
import { claimScanHalf } from "./claim-scan-half";
import { readScanGate } from "./scan-gate";
import { assertScanAuthorized, isScanRefusal } from "./assert-scan-authorized";

/**
 * The server half of the joint decryption for a decrypt request, through the PIN-gated (and
 * rate-limited, audited) decryptWithPin; the request gets one half, claimed in its transaction.
 * Sessions never cover decryption: opening a bid always takes the PIN.
 */
export async function decryptForScan({ userId, id, input, ip }: { userId: string; id: string; input: unknown; ip?: string }) {
  const { certificateId, pin, request } = ZScanDecryptSchema.parse(input);
  const { row, certificate } = await findScannedRequest({ userId, id, certificateId, types: ["DECRYPT"] });
  if (request.keyId !== certificate.keyShareId) throw new AppError("validation_failed", { fields: { request: ["keyId"] } });
  if (readScanGate(row.result)) throw new AppError("conflict", { userMessage: "scanner.errors.halfUsed" });
  const { response } = await decryptWithPin({
    userId,
    keyShareId: certificate.keyShareId,
    input: { pin, request },
    ip,
    route: "POST /api/m/scan/:id/decrypt",
    scanRequestId: id,
    record: (tx) => claimScanHalf(tx, { userId, id, certificate, decrypted: true }),
  }).catch(async (err: unknown) => {
    // Refused under the half's lock (the authorization went away meanwhile): end the request too.
    if (isScanRefusal(err)) await assertScanAuthorized({ userId, row, certificate });
    throw err;
  });
  return { response };
}
