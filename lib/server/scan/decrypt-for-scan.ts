import { AppError } from "@/lib/errors";
import { decryptWithPin } from "@/lib/server/phone/decrypt-with-pin";
import { ZScanDecryptSchema } from "./phone-scan.types";
import { findScannedRequest } from "./find-scanned-request";
import { recordScanGate } from "./record-scan-gate";

/**
 * The server half of the joint decryption for a decrypt request, through the PIN-gated
 * decryptWithPin. Sessions never cover decryption: opening a bid always takes the PIN.
 */
export async function decryptForScan({ userId, id, input, ip }: { userId: string; id: string; input: unknown; ip?: string }) {
  const { certificateId, pin, request } = ZScanDecryptSchema.parse(input);
  const { certificate } = await findScannedRequest({ userId, id, certificateId, types: ["DECRYPT"] });
  if (request.keyId !== certificate.keyShareId) throw new AppError("validation_failed", { fields: { request: ["keyId"] } });
  const { response } = await decryptWithPin({ userId, keyShareId: certificate.keyShareId, input: { pin, request }, ip });
  await recordScanGate({ userId, id, certificateId, decrypted: true });
  return { response };
}
