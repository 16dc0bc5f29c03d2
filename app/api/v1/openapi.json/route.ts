import { publicRoute } from "@/lib/server/http/public-route";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json — the API description (OpenAPI 3.1)
export const GET = publicRoute(async () => openApiDocument());

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
