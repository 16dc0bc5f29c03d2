import { ZSendCodeSchema } from "@/lib/server/auth/auth.types";
import { requestCode } from "@/lib/server/auth/request-code";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { publicRoute } from "@/lib/server/http/public-route";

// POST /api/auth/codes — send an SMS code (login, reset password, change phone); the signed-in
// caller, if any, decides which purposes are open
export const POST = publicRoute(async ({ input, ip, locale }) => requestCode({ ...input, user: await getSessionUser(), ip, locale }), {
  body: ZSendCodeSchema,
});
