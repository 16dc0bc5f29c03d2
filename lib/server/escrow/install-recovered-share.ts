import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { ZChoosePinSchema } from "@/lib/server/keys/keys.types";
import { makePinVerifier } from "@/lib/server/keys/pin-secret";
import { assertPinAllowed } from "@/lib/server/keys/pin-policy";
import { pinHolderOfOrder } from "@/lib/server/keys/pin-holder-of-order";
import { stageKeyRotation } from "@/lib/server/keys/stage-key-rotation";

/**
 * 密钥恢复, last step, on the new phone after it opened the delivery: the PIN it chose becomes the
 * share's PIN through a rotation (new W′, ρ), staged here and confirmed by the usual
 * `/api/m/keys/:id/pin/confirm` once the phone has stored d1·ρ under W′ (confirmPinRotation, which
 * then marks the recovery INSTALLED). The share is LOCKED from now until that confirm, so the lost
 * phone's copy stops at once; after it, the refreshed server share pairs only with the new phone's.
 * Repeatable while DELIVERED (a lost answer): each call stages a fresh rotation.
 */
export async function installRecoveredShare({ userId, recoveryId, input, ip }: { userId: string; recoveryId: string; input: unknown; ip?: string }) {
  const { pin } = ZChoosePinSchema.parse(input);
  const found = await db.keyRecovery.findFirst({
    where: { id: recoveryId, userId },
    select: { status: true, keyShareId: true, keyShare: { select: { certificates: { select: { order: { select: { subjectType: true, draft: true, user: { select: { phone: true } } } } }, take: 1 } } } },
  });
  if (!found) throw new AppError("not_found");
  if (found.status !== "DELIVERED") throw new AppError("conflict", { userMessage: "phone.errors.recoveryNotReady" });
  const order = found.keyShare.certificates[0]?.order;
  if (order) assertPinAllowed(pin, pinHolderOfOrder(order));
  const verifier = await makePinVerifier(pin);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM "KeyRecovery" WHERE id = ${recoveryId} FOR UPDATE`;
    if (row?.status !== "DELIVERED") throw new AppError("conflict", { userMessage: "phone.errors.recoveryNotReady" });
    const rotation = await stageKeyRotation(tx, { shareIds: [found.keyShareId], verifier, recoveryId });
    await tx.keyShare.update({ where: { id: found.keyShareId }, data: { status: "LOCKED", lockedAt: new Date(), pinFailures: 0 } });
    await writeAudit(tx, { actorId: userId, action: "key.recovery_staged", targetType: "KeyRecovery", targetId: recoveryId, data: { keyShareId: found.keyShareId }, ip });
    // The current W is not sent: the new phone has no record it opens.
    return { keyShareId: found.keyShareId, nextWrapKey: rotation.nextWrapKey, refresh: rotation.refresh };
  });
}
