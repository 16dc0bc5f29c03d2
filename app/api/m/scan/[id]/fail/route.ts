import { userRoute } from "@/lib/server/http/user-route";
import { failScanRequest } from "@/lib/server/scan/fail-scan-request";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/fail — the phone's joint decryption did not open the ciphertext: the request ends failed
export const POST = userRoute(({ user, params, input }) => failScanRequest({ userId: user.id, id: params.id, input }));
