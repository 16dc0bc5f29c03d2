import { userRoute } from "@/lib/server/http/user-route";
import { startTotpSetup } from "@/lib/server/auth/totp/start-totp-setup";

// POST /api/auth/second-factor/totp/setup — a new pending TOTP secret (QR and key for the app)
export const POST = userRoute(({ user }) => startTotpSetup({ userId: user.id, sessionId: user.sessionId }), { accepts: "none" });
