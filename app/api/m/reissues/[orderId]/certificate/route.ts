import { userRoute } from "@/lib/server/http/user-route";
import { reissueFinishOrder } from "@/lib/server/orders/reissue-finish-order";

export const dynamic = "force-dynamic";

// POST /api/m/reissues/:orderId/certificate — the new signing key's PIN and certificate; the old signing certificate revoked (superseded)
export const POST = userRoute(({ user, params, input, ip }) => reissueFinishOrder({ userId: user.id, orderId: params.orderId, input, ip }));
