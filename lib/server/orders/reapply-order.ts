import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { getOrderForUser } from "./get-order-for-user";
import { transitionOrder } from "./transition-order";

/**
 * 重新申请 after a rejection: the same order reopens as a draft at the subject step, keeps its
 * payment, and must be signed again (the old signature covered the rejected content).
 */
export async function reapplyOrder({ userId, orderId, ip }: { userId: string; orderId: string; ip?: string }) {
  const order = await getOrderForUser({ userId, orderId });
  if (order.status !== "REJECTED") throw new AppError("conflict", { userMessage: "orders.errors.notRejected" });
  return db.$transaction((tx) =>
    transitionOrder(tx, {
      orderId,
      to: "DRAFT",
      actorId: userId,
      type: "reapplied",
      ip,
      data: {
        step: order.subjectType === "UNIT" ? "enterprise" : "person",
        reviewRound: { increment: 1 },
        agreementHash: null,
        agreedAt: null,
        signedAt: null,
      },
    }),
  );
}
