import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/server/http/public-route";
import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database reachability
export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
});
