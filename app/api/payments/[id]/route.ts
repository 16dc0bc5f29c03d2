import { userRoute } from "@/lib/server/http/user-route";
import { getPayment } from "@/lib/server/payments/get-payment";

export const dynamic = "force-dynamic";

// GET /api/payments/[id] — a payment's status (the payment panel polls it)
export const GET = userRoute(({ user, params }) => getPayment({ userId: user.id, paymentId: params.id }));
