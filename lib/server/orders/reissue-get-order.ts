import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { readReissueDraft } from "./reissue-draft";

/** The caller's REISSUE order as the new phone polls it: the order's and the key recovery's status, the review's reason, the 补办申请表 if the channel asks for one. */
export async function reissueGetOrder({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await db.order.findFirst({ where: { id: orderId, userId, kind: "REISSUE" }, select: { id: true, no: true, status: true, rejectReason: true, draft: true } });
  if (!order) throw new AppError("not_found");
  const reissue = readReissueDraft(order.draft).reissue;
  const form = reissue?.needsForm
    ? await db.material.findFirst({ where: { orderId: order.id, kind: "REISSUE_FORM", replacedAt: null }, select: { id: true, originalName: true, createdAt: true } })
    : null;
  const recovery = reissue ? await db.keyRecovery.findUnique({ where: { id: reissue.recoveryId }, select: { id: true, status: true, keyShareId: true } }) : null;
  return { id: order.id, no: order.no, status: order.status, rejectReason: order.rejectReason, certificateId: reissue?.certificateId ?? null, originalOrderId: reissue?.originalOrderId ?? null, needsForm: Boolean(reissue?.needsForm), form, recovery };
}
