import { userRoute } from "@/lib/server/http/user-route";
import { getIdentityCheck } from "@/lib/server/identity/get-identity-check";

export const dynamic = "force-dynamic";

// GET /api/identity-checks/[id] — a check's status (the desk polls it when SSE is unavailable)
export const GET = userRoute(({ user, params }) => getIdentityCheck({ userId: user.id, checkId: params.id }));
