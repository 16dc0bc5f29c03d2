import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrderForUser } from "@/lib/server/orders/get-order-for-user";
import { wizardPath, wizardSteps, type WizardStep } from "@/lib/server/orders/wizard-steps";

export type WizardKind = "unit" | "individual";

/**
 * For every wizard page: the caller's order (404 otherwise), of the right kind, still a draft
 * (the pay page also takes an unpaid order), and not beyond the stored resume point (a step
 * cannot be skipped by typing its URL).
 */
export async function loadWizardOrder({ orderId, kind, step }: { orderId: string; kind: WizardKind; step: WizardStep }) {
  const user = await requirePageUser({ next: `/apply/${kind}/${orderId}/${step}` });
  const order = await getOrderForUser({ userId: user.id, orderId }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  if ((order.subjectType === "UNIT") !== (kind === "unit")) notFound();
  if (step === "pay" && order.status === "AWAITING_PAYMENT") return { user, order };
  if (order.status !== "DRAFT") redirect(`/orders/${order.id}`);
  const steps = wizardSteps(order);
  const at = steps.indexOf(order.step as WizardStep);
  const here = steps.indexOf(step);
  if (here < 0 || here > Math.max(at, 0)) redirect(wizardPath(order, order.step));
  return { user, order };
}
