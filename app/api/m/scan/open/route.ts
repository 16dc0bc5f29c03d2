import { userRoute } from "@/lib/server/http/user-route";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { ZOpenScanSchema } from "@/lib/server/scan/phone-scan.types";

export const dynamic = "force-dynamic";

// POST /api/m/scan/open — the scanned QR's token: binds the request to the caller, returns the confirmation data
export const POST = userRoute(({ user, input }) => openScanForPhone({ userId: user.id, token: input.token }), { body: ZOpenScanSchema });
