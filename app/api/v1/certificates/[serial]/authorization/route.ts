import { platformRoute } from "@/lib/server/http/platform-route";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";
import { getPlatformAuthorization } from "@/lib/server/org/get-platform-authorization";
import { ZCertificateAuthorizationSchema } from "@/lib/server/org/platform-organization.types";

export const dynamic = "force-dynamic";

// GET /api/v1/certificates/:serial/authorization — may its holder use this certificate on the calling platform now, and why (enterprise authorization)
export const GET = platformRoute(({ platform, params }) => getPlatformAuthorization({ platformId: platform.id, serial: params.serial }), {
  response: ZCertificateAuthorizationSchema,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
