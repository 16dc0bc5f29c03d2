import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { firstIncompleteStep } from "./first-incomplete-step";
import { getDraftOrder } from "./get-draft-order";
import { submitOrder } from "./submit-order";
import { wizardPath } from "./wizard-steps";

/**
 * The read-only confirmation page's button. Online, it moves on to the materials; on the mail-in
 * path the printed form is the signature, so confirming submits the order for payment.
 */
export async function confirmOrder({ userId, orderId, ip }: { userId: string; orderId: string; ip?: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const missing = await firstIncompleteStep(order, tx);
    if (missing) throw new AppError("conflict", { userMessage: "wizard.errors.incomplete" });
    if (!order.offline) return { nextPath: await advanceStep({ orderId, step: "confirm" }, tx) };
    await submitOrder(tx, { orderId, actorId: userId, ip });
    return { nextPath: wizardPath(order, "pay") };
  });
}
