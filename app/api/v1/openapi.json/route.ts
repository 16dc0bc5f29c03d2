import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/server/scan/openapi-document";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json — the API description (OpenAPI 3.1)
export function GET() {
  return NextResponse.json(openApiDocument());
}
