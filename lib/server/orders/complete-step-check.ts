import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { checkPassed } from "./check-passed";
import { getOrderForUser } from "./get-order-for-user";
import { readDraft } from "./order-draft.types";

/**
 * Called when the identity panel reports success (deposit code confirmed, face done): the server
 * reads the check itself rather than trusting the browser, then moves the wizard on.
 */
export async function completeStepCheck({ userId, orderId, which }: { userId: string; orderId: string; which: "subject" | "handler" }) {
  const order = await getOrderForUser({ userId, orderId });
  if (order.status !== "DRAFT") throw new AppError("conflict", { userMessage: "orders.errors.notDraft" });
  const checkId = readDraft(order.draft).checks?.[which];
  if (!(await checkPassed(db, { orderId, checkId }))) throw new AppError("conflict", { userMessage: "wizard.verify.notPassed" });
  const step = which === "handler" ? "handler" : order.subjectType === "UNIT" ? "enterprise" : "person";
  return { nextPath: await advanceStep({ orderId, step }) };
}
