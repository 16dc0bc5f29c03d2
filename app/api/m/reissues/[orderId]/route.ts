import { userRoute } from "@/lib/server/http/user-route";
import { reissueGetOrder } from "@/lib/server/orders/reissue-get-order";

export const dynamic = "force-dynamic";

// GET /api/m/reissues/:orderId — the caller's reissue: the order's and its key recovery's status
export const GET = userRoute(({ user, params }) => reissueGetOrder({ userId: user.id, orderId: params.orderId }));
