import { userRoute } from "@/lib/server/http/user-route";
import { confirmTotpSetup } from "@/lib/server/auth/totp/confirm-totp-setup";
import { ZTotpCodeSchema } from "@/lib/server/auth/totp/totp.types";

// POST /api/auth/second-factor/totp/confirm — the first code from the app turns TOTP on
export const POST = userRoute(
  ({ user, input, ip }) => confirmTotpSetup({ userId: user.id, sessionId: user.sessionId, code: input.code, ip }),
  { body: ZTotpCodeSchema },
);
