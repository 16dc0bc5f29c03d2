import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { getDraftOrder } from "./get-draft-order";
import { readDraft } from "./order-draft.types";
import { wizardPath, type WizardStep } from "./wizard-steps";

/**
 * 线下邮寄: when online verification fails, the applicant prints the generated form, pays and mails
 * the paper to the channel's address; the order then waits in AWAITING_PAPER. The wizard continues
 * at the first step whose data is still missing (online checks no longer apply).
 */
export async function switchToOffline({ userId, orderId, ip }: { userId: string; orderId: string; ip?: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    // A renewal or revocation has no paper path (its wizard's steps are online ones).
    if (!order.channel.mailingAddress || order.kind !== "NEW") throw new AppError("conflict", { userMessage: "wizard.offline.notOffered" });
    const draft = readDraft(order.draft);
    const isUnit = order.subjectType === "UNIT";
    const next: WizardStep = !order.verificationMethod
      ? "method"
      : !(isUnit ? draft.enterprise : draft.person)
        ? isUnit ? "enterprise" : "person"
        : isUnit && !draft.handler
          ? "handler"
          : !draft.goods
            ? "goods"
            : "confirm";
    await tx.order.update({ where: { id: orderId }, data: { offline: true, step: next } });
    await tx.orderEvent.create({ data: { orderId, type: "offline", actorId: userId } });
    await writeAudit(tx, { actorId: userId, action: "order.offline", targetType: "Order", targetId: orderId, ip });
    return { nextPath: wizardPath(order, next) };
  });
}
