import { platformRoute } from "@/lib/server/http/platform-route";
import { listCertificateSealsForPlatform } from "@/lib/server/seals/seal-for-platform";
import { ZSealListQuerySchema, ZSealListSchema } from "@/lib/server/seals/seal-platform.types";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/v1/seals?serial= — the approved seals of a signing certificate whose holder has completed a scan with this platform (picture PNG + SES_Seal)
export const GET = platformRoute(async ({ platform, query }) => ({ seals: await listCertificateSealsForPlatform({ platformId: platform.id, serial: query.serial }) }), {
  query: ZSealListQuerySchema,
  response: ZSealListSchema,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
