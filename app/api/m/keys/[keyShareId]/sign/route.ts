import { userRoute } from "@/lib/server/http/user-route";
import { signWithPin } from "@/lib/server/keys/sign-with-pin";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/sign — 测试签名: PIN check, then the server half over the server's PIN-check message only (and W)
export const POST = userRoute(({ user, input, params, ip }) => signWithPin({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
