import { userRoute } from "@/lib/server/http/user-route";
import { reissueStartOrder } from "@/lib/server/orders/reissue-start-order";

export const dynamic = "force-dynamic";

// POST /api/m/reissues — 证书补办 from a new phone: the holder's check, then a REISSUE order for review with the encryption key's recovery
export const POST = userRoute(({ user, input, ip }) => reissueStartOrder({ userId: user.id, input, ip }));
