import { AppError } from "@/lib/errors";
import { serverSignWithShare } from "@/lib/server/certs/server-sign-with-share";
import { signWithPin } from "@/lib/server/phone/sign-with-pin";
import { ZScanSignSchema } from "./phone-scan.types";
import { findScannedRequest } from "./find-scanned-request";
import { findOpenSession } from "./find-open-session";
import { recordScanGate } from "./record-scan-gate";

/**
 * The server half of the joint signature for a login or sign request (and for sync_subject, where
 * a signature over a throwaway message proves the PIN and the key before subject data is shared). Outside a session it runs
 * only through the phone engineer's PIN-gated signWithPin (which also returns W to open d1).
 * Inside an open session for the same certificate the PIN was checked when the session opened and
 * the phone still holds d1 in memory, so no PIN and no W: the session is the authorisation.
 */
export async function signForScan({ userId, id, input, ip }: { userId: string; id: string; input: unknown; ip?: string }) {
  const { certificateId, pin, request } = ZScanSignSchema.parse(input);
  const { row, certificate } = await findScannedRequest({ userId, id, certificateId, types: ["LOGIN", "SIGN", "SYNC_SUBJECT"] });
  if (request.keyId !== certificate.keyShareId) throw new AppError("validation_failed", { fields: { request: ["keyId"] } });

  const session = row.sessionId ? await findOpenSession({ userId, sessionId: row.sessionId, platformId: row.platformId, certificateId }) : null;
  if (session && pin === undefined) {
    const response = await serverSignWithShare({ userId, keyShareId: certificate.keyShareId, request });
    await recordScanGate({ userId, id, certificateId, r: response.r, viaSession: true });
    return { response, viaSession: true };
  }
  if (pin === undefined) throw new AppError("validation_failed", { userMessage: "phone.errors.pinFormat", fields: { pin: ["phone.errors.pinFormat"] } });
  const { wrapKey, response } = await signWithPin({ userId, keyShareId: certificate.keyShareId, input: { pin, request }, ip });
  await recordScanGate({ userId, id, certificateId, r: response.r });
  return { wrapKey, response, viaSession: false };
}
