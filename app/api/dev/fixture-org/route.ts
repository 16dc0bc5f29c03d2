import { userRoute } from "@/lib/server/http/user-route";
import { consoleCreateFixtureOrg } from "@/lib/server/org/console-create-fixture-org";

export const dynamic = "force-dynamic";

// POST /api/dev/fixture-org — E2E only (CERTDESK_E2E_FIXTURES=1): an enterprise the caller administers, with
// a paper administrator transfer waiting for the CA
export const POST = userRoute(({ user }) => consoleCreateFixtureOrg({ userId: user.id }), { status: 201 });
