import { userRoute } from "@/lib/server/http/user-route";
import { claimSessionRequests } from "@/lib/server/scan/claim-session-requests";

export const dynamic = "force-dynamic";

// GET /api/m/scan/pending — sign requests waiting in the caller's open signing sessions (the phone polls this)
export const GET = userRoute(async ({ user }) => ({ requests: await claimSessionRequests({ userId: user.id }) }));
