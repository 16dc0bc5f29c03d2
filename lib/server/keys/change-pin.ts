import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { makePinVerifier } from "@/lib/server/keys/pin-secret";
import { ZChangePinSchema } from "@/lib/server/keys/keys.types";
import { verifyPin } from "@/lib/server/keys/verify-pin";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { assertPinAllowed } from "@/lib/server/keys/pin-policy";
import { pinHolderOfOrder } from "@/lib/server/keys/pin-holder-of-order";
import { stageKeyRotation } from "@/lib/server/keys/stage-key-rotation";

/**
 * 修改PIN, phase one: the old PIN must verify (a wrong one counts towards the lock like any other
 * try); then every share of the group gets a pending rotation — the new PIN, a new W' and its
 * server share refreshed (d2·ρ⁻¹). The answer carries the current W, W' and each share's ρ: the
 * phone re-wraps d1·ρ under W', keeps both records and confirms with the new PIN
 * (confirm-pin-rotation.ts). Until then the old PIN, W and d2 keep working.
 */
export async function changePin({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { oldPin, pin } = ZChangePinSchema.parse(input);
  const { orderId } = await findKeyGroup({ userId, keyShareId });
  const order = orderId ? await db.order.findFirst({ where: { id: orderId, userId }, select: { subjectType: true, draft: true, user: { select: { phone: true } } } }) : null;
  if (order) assertPinAllowed(pin, pinHolderOfOrder(order));
  const { shareIds } = await verifyPin({ userId, keyShareId, pin: oldPin, ip });
  const verifier = await makePinVerifier(pin);
  return db.$transaction(async (tx) => {
    const rotation = await stageKeyRotation(tx, { shareIds, verifier });
    await writeAudit(tx, { actorId: userId, action: "key.pin_change_staged", targetType: "KeyShare", targetId: keyShareId, data: { group: shareIds }, ip });
    return rotation;
  });
}
