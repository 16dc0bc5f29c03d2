import { userRoute } from "@/lib/server/http/user-route";
import { listScanSessions } from "@/lib/server/scan/list-scan-sessions";

export const dynamic = "force-dynamic";

// GET /api/m/scan/sessions — the caller's signing sessions
export const GET = userRoute(async ({ user }) => ({ sessions: await listScanSessions({ userId: user.id }) }));
