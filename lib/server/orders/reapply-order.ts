import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { getOrderForUser } from "./get-order-for-user";
import { transitionOrder } from "./transition-order";
import { stepBefore, wizardPath, wizardSteps, type WizardStep } from "./wizard-steps";

/**
 * 修改后重新申请 after a rejection: the same order reopens as a draft, keeps its payment and what was
 * entered, and must be signed again (the old signature covered the rejected content). The steps before
 * the signature stay completed (the resume point is the step before payment: 申请签署, or 确认信息 on the
 * mail-in path; each step's completion check still guards submission), and the applicant lands on the step
 * the reviewer said the reason concerns (Review.step), else on the subject's details.
 */
export async function reapplyOrder({ userId, orderId, ip }: { userId: string; orderId: string; ip?: string }): Promise<{ step: WizardStep; path: string }> {
  const order = await getOrderForUser({ userId, orderId });
  if (order.status !== "REJECTED") throw new AppError("conflict", { userMessage: "orders.errors.notRejected" });
  const steps = wizardSteps(order);
  const resumeAt = stepBefore(order, "pay");
  const rejection = await db.review.findFirst({ where: { orderId, round: order.reviewRound, decision: "REJECT" }, orderBy: { createdAt: "desc" }, select: { step: true } });
  const subject: WizardStep = order.subjectType === "UNIT" ? "enterprise" : "person";
  const concerned = rejection?.step as WizardStep | null | undefined;
  const open = concerned && steps.includes(concerned) && steps.indexOf(concerned) <= steps.indexOf(resumeAt) ? concerned : subject;
  await db.$transaction((tx) =>
    transitionOrder(tx, {
      orderId,
      to: "DRAFT",
      actorId: userId,
      type: "reapplied",
      ip,
      data: {
        step: resumeAt,
        reviewRound: { increment: 1 },
        agreementHash: null,
        agreedAt: null,
        signedAt: null,
      },
    }),
  );
  return { step: open, path: wizardPath(order, open) };
}
