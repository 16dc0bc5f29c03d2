import { getOrderForUser } from "./get-order-for-user";
import { wizardPath } from "./wizard-steps";

/** Where 继续办理 leads: the stored wizard step of a draft, the payment page of an unpaid order, else the order's page. */
export async function resumeOrder({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await getOrderForUser({ userId, orderId });
  if (order.status === "DRAFT") return { step: order.step, path: wizardPath(order, order.step) };
  if (order.status === "AWAITING_PAYMENT") return { step: "pay", path: wizardPath(order, "pay") };
  return { step: null, path: `/orders/${order.id}` };
}
