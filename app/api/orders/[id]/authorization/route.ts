import { userRoute } from "@/lib/server/http/user-route";
import { getAuthorizationStatus } from "@/lib/server/orders/get-authorization-status";

// GET /api/orders/[id]/authorization — the legal rep's signing link state (the materials step polls it)
export const GET = userRoute(async ({ user, params }) => ({ authorization: await getAuthorizationStatus({ userId: user.id, orderId: params.id }) }));
