import { AppError } from "@/lib/errors";
import { assertSignsMessage } from "@/lib/server/keys/assert-signs-message";
import { runSignHalf } from "@/lib/server/keys/run-sign-half";
import { checkPinIn } from "@/lib/server/keys/check-pin-in";
import { pinFailureError } from "@/lib/server/keys/record-pin-failure";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { ZScanSignSchema } from "./phone-scan.types";
import { findScannedRequest } from "./find-scanned-request";
import { findOpenSession } from "./find-open-session";
import { claimScanHalf } from "./claim-scan-half";
import { readScanGate } from "./scan-gate";
import { messageForScan } from "./message-for-scan";
import { assertScanAuthorized, isScanRefusal } from "./assert-scan-authorized";
import { checkChosenSeal } from "./check-chosen-seal";

/**
 * The server half of the joint signature for a login, sign or sync_subject request. The server
 * computes e itself from what the request signs (messageForScan: the platform's challenge, the
 * sync message, or the checked CMS signed attributes) and refuses any other e. Outside a session
 * the PIN is checked first and the answer carries W to open d1; inside an open session for the
 * same certificate the PIN was checked when the session opened and the phone still holds d1 in
 * memory, so no PIN and no W. Either way the request gets exactly one half (claimScanHalf, in the
 * half's transaction, with its audit row); the PIN is checked first in that same transaction.
 */
export async function signForScan({ userId, id, input, ip }: { userId: string; id: string; input: unknown; ip?: string }) {
  const { certificateId, pin, request, signedAttributes, sealId } = ZScanSignSchema.parse(input);
  const { row, certificate } = await findScannedRequest({ userId, id, certificateId, types: ["LOGIN", "SIGN", "SYNC_SUBJECT"] });
  const keyShareId = certificate.keyShareId;
  if (request.keyId !== keyShareId) throw new AppError("validation_failed", { fields: { request: ["keyId"] } });
  // Early answer for a request that already had its half (the claim below is what enforces it).
  if (readScanGate(row.result)) throw new AppError("conflict", { userMessage: "scanner.errors.halfUsed" });
  const chosenSeal = await checkChosenSeal({ userId, certificateId, type: row.type, payload: row.payload as Record<string, unknown>, sealId });
  const message = messageForScan({ type: row.type, id, payload: row.payload as Record<string, unknown>, signedAttributes });
  // One read for the digest check's public key and the PIN's key group.
  const group = await findKeyGroup({ userId, keyShareId });
  await assertSignsMessage({ userId, keyShareId, request, message, publicKey: group.publicKey });

  const session = row.sessionId ? await findOpenSession({ userId, sessionId: row.sessionId, platformId: row.platformId, certificateId }) : null;
  const viaSession = Boolean(session) && pin === undefined;
  if (!viaSession && pin === undefined) throw new AppError("validation_failed", { userMessage: "phone.errors.pinFormat", fields: { pin: ["phone.errors.pinFormat"] } });
  // Outside a session the PIN is checked in the half's own transaction (one transaction, not two):
  // a wrong PIN is counted and committed without a half.
  let wrapKey: string | undefined;
  const response = await runSignHalf({
    userId,
    keyShareId,
    request,
    route: "POST /api/m/scan/:id/sign",
    scanRequestId: id,
    ip,
    gate:
      viaSession || pin === undefined
        ? undefined
        : async (tx) => {
            const checked = await checkPinIn(tx, { userId, keyShareId, pin, shareIds: group.shareIds, ip });
            if (!checked.ok) return pinFailureError(checked);
            wrapKey = checked.wrapKey;
            return null;
          },
    record: (tx, { r }) => claimScanHalf(tx, { userId, id, certificate, r, viaSession, sealId: chosenSeal }),
  }).catch(async (err: unknown) => {
    // Refused under the half's lock (the authorization went away meanwhile): end the request too.
    if (isScanRefusal(err)) await assertScanAuthorized({ userId, row, certificate });
    throw err;
  });
  return viaSession ? { response, viaSession } : { wrapKey, response, viaSession };
}
