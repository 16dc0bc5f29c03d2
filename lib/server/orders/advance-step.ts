import { db, type Db, type Tx } from "@/lib/db/client";
import { furthestStep, stepAfter, wizardPath, type WizardStep } from "./wizard-steps";

/** Marks `step` done: the resume point moves to the step after it (never backwards). Returns the next step's path. */
export async function advanceStep({ orderId, step }: { orderId: string; step: WizardStep }, client: Db | Tx = db) {
  const order = await client.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, step: true, kind: true, subjectType: true, offline: true, draft: true } });
  const next = stepAfter(order, step);
  await client.order.update({ where: { id: orderId }, data: { step: furthestStep(order, order.step, next) } });
  return wizardPath(order, next);
}
