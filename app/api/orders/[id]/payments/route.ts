import { userRoute } from "@/lib/server/http/user-route";
import { createPayment, ZCreatePaymentSchema } from "@/lib/server/payments/create-payment";

// POST /api/orders/[id]/payments — start (or resume) paying for the order with WeChat Pay or Alipay
export const POST = userRoute(({ user, params, input }) => createPayment({ userId: user.id, orderId: params.id, method: input.method }), {
  body: ZCreatePaymentSchema,
});
