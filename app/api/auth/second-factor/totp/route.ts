import { userRoute } from "@/lib/server/http/user-route";
import { disableTotp } from "@/lib/server/auth/totp/disable-totp";

// DELETE /api/auth/second-factor/totp — turn TOTP off
export const DELETE = userRoute(({ user, ip }) => disableTotp({ userId: user.id, sessionId: user.sessionId, ip }), { accepts: "none" });
