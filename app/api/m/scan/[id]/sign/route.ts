import { userRoute } from "@/lib/server/http/user-route";
import { signForScan } from "@/lib/server/scan/sign-for-scan";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/sign — PIN check (or open session), then the server half of the request's joint signature
export const POST = userRoute(({ user, params, input, ip }) => signForScan({ userId: user.id, id: params.id, input, ip }));
