import { userRoute } from "@/lib/server/http/user-route";
import { decryptForScan } from "@/lib/server/scan/decrypt-for-scan";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/decrypt — PIN check, then the server half of the request's joint decryption
export const POST = userRoute(({ user, params, input, ip }) => decryptForScan({ userId: user.id, id: params.id, input, ip }));
