import { userRoute } from "@/lib/server/http/user-route";
import { passSecondFactorWithTotp } from "@/lib/server/auth/totp/pass-second-factor-with-totp";
import { ZTotpCodeSchema } from "@/lib/server/auth/totp/totp.types";

// POST /api/auth/second-factor/totp/verify — a TOTP code as this session's second factor
export const POST = userRoute(
  ({ user, input, ip }) => passSecondFactorWithTotp({ userId: user.id, sessionId: user.sessionId, code: input.code, ip }),
  { body: ZTotpCodeSchema },
);
