import { userRoute } from "@/lib/server/http/user-route";
import { signWithPin } from "@/lib/server/phone/sign-with-pin";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/sign — PIN check, then the server half of a joint signature (and W)
export const POST = userRoute(({ user, input, params, ip }) => signWithPin({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
