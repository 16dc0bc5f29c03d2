import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { startPasskeyAuthentication } from "@/lib/server/auth/passkeys/start-passkey-authentication";
import { ZAuthenticationOptionsSchema } from "@/lib/server/auth/passkeys/passkeys.types";

// POST /api/auth/passkeys/authentication/options — request options for a passkey login (anyone) or a second factor (this session)
export const POST = publicRoute(
  async ({ input, ip }) => {
    if (input.purpose === "login") return startPasskeyAuthentication({ purpose: "login", ip });
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthenticated");
    return startPasskeyAuthentication({ purpose: "second-factor", ip, userId: user.id, sessionId: user.sessionId });
  },
  { body: ZAuthenticationOptionsSchema },
);
