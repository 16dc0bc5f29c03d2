import { platformRoute } from "@/lib/server/http/platform-route";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// POST /api/v1/scan-requests — create a QR request (login, sign, decrypt, sync_subject)
export const POST = platformRoute(({ platform, input }) => createScanRequest({ platformId: platform.id, input }), {
  body: ZCreateScanRequestSchema,
  status: 201,
});

// Any other method: a JSON 405 with Allow.
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
