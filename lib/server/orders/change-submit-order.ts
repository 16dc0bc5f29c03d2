import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { changeQuote } from "./change-quote";
import { changeRows } from "./change-diff";
import { firstIncompleteStep } from "./first-incomplete-step";
import { getDraftOrder } from "./get-draft-order";
import { missingMaterials } from "./missing-materials";
import { notifyOrder } from "./notify-order";
import { readDraft } from "./order-draft.types";
import { transitionOrder } from "./transition-order";

/**
 * The change's confirmation (提交审核): the caller's CHANGE draft, every step complete (the new details
 * checked, the USCC / ID number the certificate's), the channel's change materials uploaded, at least one
 * field changed, the warnings acknowledged (new keys: files encrypted to the old certificate do not decrypt
 * with the new one; seals bound to it are voided), and the old certificate still VALID. Then it is priced
 * from the channel (changeQuote) and goes to the CA review: DRAFT → IN_REVIEW under the order's row lock,
 * so parallel submits move it once. Payment follows the approval (approveOrder).
 */
export async function changeSubmitOrder({ userId, orderId, acknowledged, ip }: { userId: string; orderId: string; acknowledged: boolean; ip?: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    if (order.kind !== "CHANGE") throw new AppError("not_found");
    const draft = readDraft(order.draft);
    if (!draft.change || !order.changesCertificateId) throw new AppError("conflict", { userMessage: "lifecycleChange.errors.noSourceOrder" });
    if ((await firstIncompleteStep(order, tx)) || (await missingMaterials(order, tx)).length > 0) throw new AppError("conflict", { userMessage: "wizard.errors.incomplete" });
    if (!changeRows(draft.change.before, draft).some((r) => r.changed)) throw new AppError("validation_failed", { userMessage: "lifecycleChange.errors.nothingChanged" });
    if (!acknowledged) throw new AppError("validation_failed", { userMessage: "lifecycleChange.errors.acknowledge", fields: { acknowledged: ["lifecycleChange.errors.acknowledge"] } });
    const old = await tx.certificate.findUnique({ where: { id: order.changesCertificateId }, select: { status: true, notAfter: true } });
    if (old?.status !== "VALID" || old.notAfter <= new Date()) throw new AppError("conflict", { userMessage: "lifecycleChange.errors.notValid" });
    const quote = await changeQuote(tx, { channelId: order.channelId, subjectKey: order.subjectKey });
    await tx.order.update({ where: { id: orderId }, data: { draft: { ...draft, change: { ...draft.change, acknowledgedAt: new Date().toISOString() } } } });
    await transitionOrder(tx, {
      orderId,
      to: "IN_REVIEW",
      actorId: userId,
      type: "submitted",
      ip,
      note: quote.isFree ? "change, free" : "change",
      data: { submittedAt: new Date(), priceFen: quote.totalFen, step: "pay" },
    });
    await notifyOrder(tx, { orderId, event: "submitted" });
    return { nextPath: `/orders/${orderId}` };
  });
}
