import { userRoute } from "@/lib/server/http/user-route";
import { moveExpiryFixture, ZMoveExpiryFixture } from "@/lib/server/certs/renew-move-expiry-fixture";

export const dynamic = "force-dynamic";

// POST /api/dev/lifecycle-renew — E2E only (CERTDESK_E2E_FIXTURES=1): the caller's certificate pair expires in `daysLeft` days
export const POST = userRoute(({ user, input }) => moveExpiryFixture({ userId: user.id, input }), { body: ZMoveExpiryFixture });
