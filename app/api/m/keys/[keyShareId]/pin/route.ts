import { userRoute } from "@/lib/server/http/user-route";
import { changePin } from "@/lib/server/keys/change-pin";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/pin — change the PIN (old PIN required), phase one: stages a new W and refreshed shares, confirmed by …/pin/confirm
export const POST = userRoute(({ user, input, params, ip }) => changePin({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
