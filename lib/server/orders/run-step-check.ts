import type { Order, VerificationMethod } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { readDraft } from "./order-draft.types";
import { startOrderCheck, type CheckRoleName } from "./start-order-check";
import type { WizardStep } from "./wizard-steps";

export type StepCheckOutcome = {
  status: "PENDING" | "PASSED" | "FAILED" | "SKIPPED";
  checkId?: string;
  failReason?: string;
  /** Where to go once passed (or at once when no check is needed). */
  nextPath?: string;
};

/**
 * After a verifying step's data is saved: start its identity check, remember the check id in the
 * draft, and move the resume point on only once the check has passed. The mail-in path has no
 * online check (the CA checks the paper).
 */
export async function runStepCheck({
  userId,
  order,
  which,
  step,
  isVerified,
  method,
  role,
  subject,
}: {
  userId: string;
  order: Order;
  which: "subject" | "handler";
  step: WizardStep;
  isVerified: boolean;
  method: VerificationMethod;
  role: CheckRoleName;
  subject: Record<string, string | undefined>;
}): Promise<StepCheckOutcome> {
  if (order.offline) return { status: "SKIPPED", nextPath: await advanceStep({ orderId: order.id, step }) };
  if (isVerified) return { status: "PASSED", nextPath: await advanceStep({ orderId: order.id, step }) };

  const result = await startOrderCheck({ userId, orderId: order.id, method, role, subject });
  const fresh = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { draft: true } });
  const draft = readDraft(fresh.draft);
  // Changed data must be verified again before the later steps count: the resume point comes back here.
  await db.order.update({ where: { id: order.id }, data: { step, draft: { ...draft, checks: { ...draft.checks, [which]: result.checkId } } } });
  if (result.status === "PASSED") return { status: "PASSED", checkId: result.checkId, nextPath: await advanceStep({ orderId: order.id, step }) };
  return { status: result.status, checkId: result.checkId, failReason: result.failReason };
}
