import { userRoute } from "@/lib/server/http/user-route";
import { confirmPinRotation } from "@/lib/server/keys/confirm-pin-rotation";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/pin/confirm — the phone stored its refreshed share under W': the pending PIN, W' and d2' become current
export const POST = userRoute(({ user, input, params, ip }) => confirmPinRotation({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
