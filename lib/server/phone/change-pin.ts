import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/server/db/client";
import { makePinSecret, sealPinSecret } from "./pin-secret";
import { ZChangePinSchema } from "./phone.types";
import { verifyPin } from "./verify-pin";
import { findKeyGroup } from "./find-key-group";
import { assertPinAllowed } from "./pin-policy";
import { pinHolderOfOrder } from "./pin-holder-of-order";

/**
 * 修改PIN: the old PIN must verify (a wrong one counts towards the lock like any other try); the
 * group is re-sealed with the new PIN and the same W, so nothing changes on the phone.
 */
export async function changePin({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { oldPin, pin } = ZChangePinSchema.parse(input);
  const { orderId } = await findKeyGroup({ userId, keyShareId });
  const order = orderId ? await db.order.findFirst({ where: { id: orderId, userId }, select: { subjectType: true, draft: true, user: { select: { phone: true } } } }) : null;
  if (order) assertPinAllowed(pin, pinHolderOfOrder(order));
  const { wrapKey, shareIds } = await verifyPin({ userId, keyShareId, pin: oldPin, ip });
  const secret = await makePinSecret(pin, wrapKey);
  await db.$transaction(async (tx) => {
    for (const id of shareIds) {
      await tx.keyShare.update({ where: { id }, data: { pinVerifier: sealPinSecret(id, secret) } });
    }
    await writeAudit(tx, { actorId: userId, action: "key.pin_changed", targetType: "KeyShare", targetId: keyShareId, data: { group: shareIds }, ip });
  });
  return { ok: true as const };
}
