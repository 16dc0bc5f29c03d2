import { userRoute } from "@/lib/server/http/user-route";
import { rejectScanRequest } from "@/lib/server/scan/reject-scan-request";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/reject — the holder declines the request
export const POST = userRoute(async ({ user, params }) => {
  await rejectScanRequest({ userId: user.id, id: params.id });
  return { id: params.id, status: "rejected" };
});
