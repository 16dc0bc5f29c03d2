import { publicRoute } from "@/lib/server/http/public-route";
import { openApiDocument } from "@/lib/server/scan/openapi-document";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json — the API description (OpenAPI 3.1)
export const GET = publicRoute(async () => openApiDocument());
