import { userRoute } from "@/lib/server/http/user-route";
import { passSecondFactorWithPasskey } from "@/lib/server/auth/passkeys/pass-second-factor-with-passkey";
import { ZVerifyAssertionSchema } from "@/lib/server/auth/passkeys/passkeys.types";

// POST /api/auth/passkeys/authentication/verify — a passkey assertion as this session's second factor (logins go through next-auth's "passkey" provider)
export const POST = userRoute(
  ({ user, input, ip }) => passSecondFactorWithPasskey({ userId: user.id, sessionId: user.sessionId, response: input.response, ip }),
  { body: ZVerifyAssertionSchema },
);
