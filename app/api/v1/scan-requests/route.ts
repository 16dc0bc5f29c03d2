import { platformRoute } from "@/lib/server/http/platform-route";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { listPlatformScanRequests } from "@/lib/server/scan/list-platform-scan-requests";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { ZListScanRequestsQuerySchema, ZScanRequestListSchema, ZScanRequestViewSchema } from "@/lib/server/scan/scan-request.types";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// POST /api/v1/scan-requests — create a QR request (login, sign, decrypt, sync_subject)
export const POST = platformRoute(({ platform, input }) => createScanRequest({ platformId: platform.id, input }), {
  body: ZCreateScanRequestSchema,
  response: ZScanRequestViewSchema,
  status: 201,
});

// GET /api/v1/scan-requests — the platform's own requests as usage records, newest first, a page at a time
export const GET = platformRoute(({ platform, query }) => listPlatformScanRequests({ platformId: platform.id, query }), {
  query: ZListScanRequestsQuerySchema,
  response: ZScanRequestListSchema,
});

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
