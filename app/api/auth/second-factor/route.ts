import { userRoute } from "@/lib/server/http/user-route";
import { getSecondFactorStatus } from "@/lib/server/auth/second-factor/get-second-factor-status";

// GET /api/auth/second-factor — does this account need a second factor, did this session pass it, what is enrolled
export const GET = userRoute(({ user }) => getSecondFactorStatus({ userId: user.id, sessionId: user.sessionId }));
