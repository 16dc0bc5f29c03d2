import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { changeSealFixture, changeSealFixtureState } from "@/lib/server/orders/change-seal-fixture";

export const dynamic = "force-dynamic";

// POST /api/dev/lifecycle-change — E2E only (CERTDESK_E2E_FIXTURES=1): an approved seal bound to the caller's certificate
export const POST = userRoute(({ user, input }) => changeSealFixture({ userId: user.id, input }), { body: z.object({ certificateId: z.string(), name: z.string().optional() }) });

// GET /api/dev/lifecycle-change?sealId= — E2E only: that seal's status after the change
export const GET = userRoute(({ user, query }) => changeSealFixtureState({ userId: user.id, sealId: query.sealId }), { query: z.object({ sealId: z.string().min(1).max(64) }) });
