import { AppError } from "@/lib/errors";
import { checkVerificationCode } from "@/lib/server/auth/check-verification-code";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/server/db/client";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { safeEqual } from "@/lib/server/security/keyed-hash";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { findKeyGroup } from "./find-key-group";
import { holderOfOrder } from "./holder-of-order";
import { makePinVerifier } from "./pin-secret";
import { ZReverifySchema } from "./phone.types";
import { assertPinAllowed } from "./pin-policy";
import { pinHolderOfOrder } from "./pin-holder-of-order";
import { stageKeyRotation } from "./stage-key-rotation";

/**
 * 证书解锁 and 忘记PIN. The holder proves who they are afresh: the ID number they type must be the
 * one verified on the order, the SMS code sent to their phone must match, and a new PHONE3 check
 * (name + ID number + phone at the carrier) must pass now. Then the key group is unlocked and a
 * rotation is staged (stage-key-rotation.ts): a new W', each server share refreshed (d2·ρ⁻¹) and,
 * for a reset, the new PIN. The answer carries the current W (the phone does not know it without
 * the PIN), W' and each ρ; the phone re-wraps d1·ρ under W' and confirms with the (new or
 * unchanged) PIN. No key is re-issued: the joint public key, hence the certificate, is unchanged.
 */
export async function reverifyKey({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const data = ZReverifySchema.parse(input);
  const { orderId, shareIds } = await findKeyGroup({ userId, keyShareId });
  if (!orderId) throw new AppError("not_found");
  const order = await db.order.findFirstOrThrow({ where: { id: orderId, userId }, select: { subjectType: true, draft: true, user: { select: { phone: true } } } });
  const holder = holderOfOrder(order);
  if (data.pin) assertPinAllowed(data.pin, pinHolderOfOrder(order));
  // Guessing ID numbers costs tries (10 an hour per key), like the code does.
  await consumeRateLimit(db, `reverify:key:${keyShareId}`, [{ seconds: 3600, max: 10 }]);
  // The ID number first: a typo there must not burn the SMS code the holder just received.
  if (!safeEqual(data.idNumber, holder.idNumber)) {
    throw new AppError("validation_failed", { userMessage: "phone.errors.idNumberMismatch", fields: { idNumber: ["phone.errors.idNumberMismatch"] } });
  }
  await checkVerificationCode({ phone: holder.phone, purpose: "REVERIFY", code: data.code, context: keyShareId }).catch((err: unknown) => {
    if (err instanceof AppError) throw new AppError(err.code, { userMessage: err.userMessage, params: err.params, fields: { code: [err.userMessage] } });
    throw err;
  });
  const check = await startIdentityCheck({ userId, method: "PHONE3", role: holder.role, subject: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone } });
  if (check.status !== "PASSED") throw new AppError("forbidden", { userMessage: "phone.errors.reverifyFailed" });

  const verifier = data.pin ? await makePinVerifier(data.pin) : undefined;
  const rotation = await db.$transaction(async (tx) => {
    // Locks the group's rows in id order before anything changes.
    const staged = await stageKeyRotation(tx, { shareIds, verifier });
    for (const id of shareIds) {
      await tx.keyShare.updateMany({ where: { id, status: { not: "DESTROYED" } }, data: { status: "ACTIVE", pinFailures: 0, lockedAt: null } });
    }
    await writeAudit(tx, {
      actorId: userId,
      action: data.pin ? "key.pin_reset" : "key.unlocked",
      targetType: "KeyShare",
      targetId: keyShareId,
      data: { group: shareIds, identityCheckId: check.checkId },
      ip,
    });
    return staged;
  });
  return { isPinReset: Boolean(data.pin), ...rotation };
}
