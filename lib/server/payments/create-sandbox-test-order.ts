import { AppError } from "@/lib/errors";
import { isIdentitySandbox } from "@/lib/identity/get-identity-provider";
import { isPaymentSandbox } from "@/lib/payments/get-payment-provider";
import { isOutboxActive } from "@/lib/sms/get-sms-provider";
import { db } from "@/lib/db/client";
import { createOrder } from "@/lib/server/orders/create-order";
import { transitionOrder } from "@/lib/server/orders/transition-order";

/**
 * Sandbox-only test fixture: an order of the caller's, priced and awaiting payment, so the payment
 * pages can be tried (and tested end to end) without walking the whole wizard. It exists only when
 * identity checks, payments and messages are all offline, where nothing it creates has value:
 * the sandbox pay page pays any order anyway, and a reviewer still sees no verified subject.
 */
export async function createSandboxTestOrder({ userId, priceFen = 30_000, invoiceEmail }: { userId: string; priceFen?: number; invoiceEmail?: string }) {
  if (!isPaymentSandbox() || !isIdentitySandbox() || !isOutboxActive()) throw new AppError("not_found");
  const order = await createOrder({ userId, subjectType: "UNIT" });
  const draft = invoiceEmail
    ? { invoice: { type: "normal", title: "沙箱测试科技有限公司", taxNumber: "91350100M000100Y43", email: invoiceEmail } }
    : { invoice: { type: "none" } };
  await db.$transaction(async (tx) => {
    await tx.order.update({ where: { id: order.id }, data: { priceFen, years: 1, subjectName: "沙箱测试科技有限公司", draft } });
    await transitionOrder(tx, { orderId: order.id, to: "AWAITING_PAYMENT", actorId: userId, type: "sandbox_test_order" });
  });
  return { orderId: order.id, orderNo: order.no, priceFen };
}
