import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { faceToken } from "@/lib/server/identity/face-link";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { holderFaceMark } from "@/lib/server/keys/holder-face-check";
import { holderOfOrder } from "@/lib/server/orders/holder-of-order";

/**
 * 证书解锁 / 忘记PIN, step one: a FACE liveness check of the certificate holder, done on this phone
 * now. Name and ID number come from the order (the caller types nothing); the answer is the check's
 * id and the face page's token, which the phone opens in place (the same capture as /m/face/[token]).
 * Reverify then accepts the check only once, only when PASSED, recent and for this holder.
 */
export async function startHolderFaceCheck({ userId, keyShareId }: { userId: string; keyShareId: string }) {
  const { orderId, shareIds } = await findKeyGroup({ userId, keyShareId });
  if (!orderId) throw new AppError("not_found");
  const order = await db.order.findFirstOrThrow({ where: { id: orderId, userId }, select: { subjectType: true, draft: true } });
  const holder = holderOfOrder(order);
  const check = await startIdentityCheck({ userId, method: "FACE", role: holder.role, subject: { name: holder.name, idNumber: holder.idNumber } });
  const row = await db.identityCheck.findUniqueOrThrow({ where: { id: check.checkId }, select: { subject: true } });
  const groupId = [...shareIds].sort()[0]!;
  await db.identityCheck.update({
    where: { id: check.checkId },
    data: { subject: { ...(row.subject as Record<string, string>), purpose: "reverify", holderMark: holderFaceMark(groupId, holder.idNumber) } },
  });
  return { checkId: check.checkId, token: faceToken(check.checkId) };
}
