import { z } from "zod";
import { AppError } from "@/lib/errors";
import { checkVerificationCode } from "@/lib/server/auth/check-verification-code";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { safeEqual } from "@/lib/db/keyed-hash";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { holderOfOrder } from "@/lib/server/orders/holder-of-order";
import { makePinVerifier } from "@/lib/server/keys/pin-secret";
import { ZReverifySchema } from "@/lib/server/keys/keys.types";
import { assertPinAllowed } from "@/lib/server/keys/pin-policy";
import { pinHolderOfOrder } from "@/lib/server/keys/pin-holder-of-order";
import { stageKeyRotation } from "@/lib/server/keys/stage-key-rotation";
import { claimReverifyFaceCheck } from "@/lib/server/keys/claim-reverify-face-check";
import { notifyPinReset } from "@/lib/server/keys/notify-pin-reset";
import { cancelTokenHash, formatResetTime, newCancelToken, PIN_RESET_COOLING_OFF_MS } from "@/lib/server/keys/pin-reset-cooling-off";

const ZFaceCheckRef = z.object({ faceCheckId: z.string().trim().min(1).max(64).optional() });

/**
 * 证书解锁 and 忘记PIN. The holder proves who they are afresh: the ID number they type must be the
 * one verified on the order, the SMS code sent to their phone must match, a new PHONE3 check
 * (name + ID number + phone at the carrier) must pass now, and — the factor a phone thief holding
 * the SIM does not have — a FACE liveness check of the holder, done on the phone just before
 * (startHolderFaceCheck), PASSED, ≤ 10 minutes old and used once (claimReverifyFaceCheck). An unlock
 * (PIN unchanged) is only for a LOCKED group; a forgot-PIN works on an active one too. Then the key group is unlocked and a
 * rotation is staged (stage-key-rotation.ts): a new W', each server share refreshed (d2·ρ⁻¹) and,
 * for a reset, the new PIN. The answer carries the current W (the phone does not know it without
 * the PIN), W' and each ρ; the phone re-wraps d1·ρ under W' and confirms with the (new or
 * unchanged) PIN. A reset's new PIN works only after the cooling-off (PIN_RESET_COOLING_OFF_MS;
 * until then the old PIN does), and the holder is notified at once with a link that cancels it
 * (notify-pin-reset.ts, cancel-pin-reset.ts). No key is re-issued: the joint public key, hence the certificate, is unchanged.
 */
export async function reverifyKey({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const data = ZReverifySchema.parse(input);
  const { faceCheckId } = ZFaceCheckRef.parse(input);
  const { orderId, shareIds } = await findKeyGroup({ userId, keyShareId });
  if (!orderId) throw new AppError("not_found");
  const order = await db.order.findFirstOrThrow({ where: { id: orderId, userId }, select: { subjectType: true, draft: true, user: { select: { phone: true } } } });
  const holder = holderOfOrder(order);
  if (data.pin) assertPinAllowed(data.pin, pinHolderOfOrder(order));
  if (!data.pin) {
    const locked = await db.keyShare.count({ where: { id: { in: shareIds }, status: "LOCKED" } });
    if (locked === 0) throw new AppError("conflict", { userMessage: "phone.errors.notLocked" });
  }
  // Guessing ID numbers costs tries (10 an hour per key), like the code does.
  await consumeRateLimit(db, `reverify:key:${keyShareId}`, [{ seconds: 3600, max: 10 }]);
  // The ID number first: a typo there must not burn the SMS code the holder just received.
  if (!safeEqual(data.idNumber, holder.idNumber)) {
    throw new AppError("validation_failed", { userMessage: "phone.errors.idNumberMismatch", fields: { idNumber: ["phone.errors.idNumberMismatch"] } });
  }
  // Checked before the SMS code is spent; recorded as used in the transaction below.
  await claimReverifyFaceCheck(db, { faceCheckId, userId, shareIds, idNumber: holder.idNumber, record: false });
  await checkVerificationCode({ phone: holder.phone, purpose: "REVERIFY", code: data.code, context: keyShareId }).catch((err: unknown) => {
    if (err instanceof AppError) throw new AppError(err.code, { userMessage: err.userMessage, params: err.params, fields: { code: [err.userMessage] } });
    throw err;
  });
  const check = await startIdentityCheck({ userId, method: "PHONE3", role: holder.role, subject: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone } });
  if (check.status !== "PASSED") throw new AppError("forbidden", { userMessage: "phone.errors.reverifyFailed" });

  const verifier = data.pin ? await makePinVerifier(data.pin) : undefined;
  const resetAt = data.pin ? new Date(Date.now() + PIN_RESET_COOLING_OFF_MS) : undefined;
  const cancelToken = data.pin ? newCancelToken([...shareIds].sort()[0]!) : undefined;
  const rotation = await db.$transaction(async (tx) => {
    await claimReverifyFaceCheck(tx, { faceCheckId, userId, shareIds, idNumber: holder.idNumber, record: true });
    // Locks the group's rows in id order before anything changes.
    const reset = resetAt && cancelToken ? { notBefore: resetAt, cancelHash: cancelTokenHash(cancelToken) } : undefined;
    const staged = await stageKeyRotation(tx, { shareIds, verifier, reset });
    for (const id of shareIds) {
      await tx.keyShare.updateMany({ where: { id, status: { not: "DESTROYED" } }, data: { status: "ACTIVE", pinFailures: 0, lockedAt: null } });
    }
    await writeAudit(tx, {
      actorId: userId,
      action: data.pin ? "key.pin_reset" : "key.unlocked",
      targetType: "KeyShare",
      targetId: keyShareId,
      data: { group: shareIds, identityCheckId: check.checkId, faceCheckId, ...(resetAt ? { resetAt: resetAt.toISOString() } : {}) },
      ip,
    });
    if (resetAt && cancelToken) await notifyPinReset(tx, { userId, holderPhone: holder.phone, at: resetAt, cancelToken });
    return staged;
  });
  return { isPinReset: Boolean(data.pin), ...rotation, ...(resetAt ? { resetAt: resetAt.toISOString(), resetAtText: formatResetTime(resetAt) } : {}) };
}
