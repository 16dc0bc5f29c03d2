import { platformRoute } from "@/lib/server/http/platform-route";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";
import { getPlatformCertificate } from "@/lib/server/certs/get-platform-certificate";
import { ZCertificateStatusSchema } from "@/lib/server/certs/platform-certificate.types";

export const dynamic = "force-dynamic";

// GET /api/v1/certificates/:serial — status (valid / revoked / expired) and chain of a certificate this platform was handed, JSON
export const GET = platformRoute(({ platform, params }) => getPlatformCertificate({ platformId: platform.id, serial: params.serial }), {
  response: ZCertificateStatusSchema,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
