import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { getOrderForUser } from "./get-order-for-user";
import { isCancellable } from "./order-status-groups";
import { transitionOrder } from "./transition-order";

/** The applicant cancels an unfinished, unpaid or rejected order; open signing links die with it. */
export async function cancelOrder({ userId, orderId, ip }: { userId: string; orderId: string; ip?: string }) {
  const order = await getOrderForUser({ userId, orderId });
  if (!isCancellable(order.status)) throw new AppError("conflict", { userMessage: "orders.errors.notCancellable" });
  return db.$transaction(async (tx) => {
    const updated = await transitionOrder(tx, { orderId, to: "CANCELLED", actorId: userId, type: "cancelled", ip });
    await tx.legalRepAuthorization.updateMany({ where: { orderId, status: "SENT" }, data: { status: "CANCELLED" } });
    return updated;
  });
}
