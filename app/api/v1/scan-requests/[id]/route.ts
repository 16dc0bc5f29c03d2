import { platformRoute } from "@/lib/server/http/platform-route";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { ZScanRequestViewSchema } from "@/lib/server/scan/scan-request.types";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/v1/scan-requests/:id — status and, once completed, the result (polling)
export const GET = platformRoute(({ platform, params }) => getPlatformScanRequest({ platformId: platform.id, id: params.id }), { response: ZScanRequestViewSchema });

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
