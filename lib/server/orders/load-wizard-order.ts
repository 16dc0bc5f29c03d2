import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrderForUser } from "./get-order-for-user";
import { findWizard, wizardPath, wizardSteps, type WizardDefinition, type WizardStep } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/**
 * For every wizard page: the caller's order (404 otherwise), of the wizard the URL names, still a
 * draft (the pay page also takes an unpaid order), and not beyond the stored resume point (a step
 * cannot be skipped by typing its URL).
 */
export async function loadWizardOrder({ orderId, wizard, step }: { orderId: string; wizard: WizardDefinition; step: WizardStep }): Promise<WizardStepContext> {
  const user = await requirePageUser({ next: `/apply/${wizard.urlKind}/${orderId}/${step}` });
  const order = await getOrderForUser({ userId: user.id, orderId }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  if (findWizard(order) !== wizard) notFound();
  if (step === "pay" && order.status === "AWAITING_PAYMENT") return { user, order };
  if (order.status !== "DRAFT") redirect(`/orders/${order.id}`);
  const steps = wizardSteps(order);
  const at = steps.indexOf(order.step as WizardStep);
  const here = steps.indexOf(step);
  if (here < 0 || here > Math.max(at, 0)) redirect(wizardPath(order, order.step));
  return { user, order };
}
