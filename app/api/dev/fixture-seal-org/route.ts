import { userRoute } from "@/lib/server/http/user-route";
import { createSealOrgFixture } from "@/lib/server/seals/create-seal-org-fixture";

export const dynamic = "force-dynamic";

// POST /api/dev/fixture-seal-org — E2E only (CERTDESK_E2E_FIXTURES=1): a new enterprise and the caller's approved unit order for it (seal specs)
export const POST = userRoute(({ user }) => createSealOrgFixture({ userId: user.id, holderPhone: user.phone }), { status: 201 });
