import { userRoute } from "@/lib/server/http/user-route";
import { endScanSession } from "@/lib/server/scan/end-scan-session";

export const dynamic = "force-dynamic";

// POST /api/m/scan/sessions/:sessionId/end — the holder ends a signing session
export const POST = userRoute(async ({ user, params }) => {
  await endScanSession({ userId: user.id, sessionId: params.sessionId });
  return { id: params.sessionId, ended: true };
});
