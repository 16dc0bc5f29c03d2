import { userRoute } from "@/lib/server/http/user-route";
import { sendReverifyCode } from "@/lib/server/keys/send-reverify-code";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/reverify-code — text a REVERIFY code to the certificate holder
export const POST = userRoute(({ user, params, ip, locale }) => sendReverifyCode({ userId: user.id, keyShareId: params.keyShareId, ip, locale }));
