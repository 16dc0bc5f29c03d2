import { userRoute } from "@/lib/server/http/user-route";
import { createRequestsFixture } from "@/lib/server/org/create-requests-fixture";

export const dynamic = "force-dynamic";

// POST /api/dev/fixture-org-requests — E2E only (CERTDESK_E2E_FIXTURES=1): an enterprise the caller administers
// with pending join and certificate requests and one authorization
export const POST = userRoute(({ user }) => createRequestsFixture({ userId: user.id }), { status: 201 });
