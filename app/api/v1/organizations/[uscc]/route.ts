import { platformRoute } from "@/lib/server/http/platform-route";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";
import { getPlatformOrganization } from "@/lib/server/org/get-platform-organization";
import { ZPlatformOrganizationSchema } from "@/lib/server/org/platform-organization.types";

export const dynamic = "force-dynamic";

// GET /api/v1/organizations/:uscc — an enterprise's subject library and the holders it authorized for the calling platform
export const GET = platformRoute(({ platform, params }) => getPlatformOrganization({ platformId: platform.id, uscc: params.uscc }), {
  response: ZPlatformOrganizationSchema,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
