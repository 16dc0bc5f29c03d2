import { userRoute } from "@/lib/server/http/user-route";
import { startPasskeyRegistration } from "@/lib/server/auth/passkeys/start-passkey-registration";

// POST /api/auth/passkeys/registration/options — creation options (and a stored challenge) for a new passkey
export const POST = userRoute(({ user }) => startPasskeyRegistration({ userId: user.id, sessionId: user.sessionId }), { accepts: "none" });
