import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { createSealOrgFixture } from "@/lib/server/seals/create-seal-org-fixture";

export const dynamic = "force-dynamic";

// POST /api/dev/fixture-seal-org — E2E only (CERTDESK_E2E_FIXTURES=1): a new enterprise and the caller's approved unit order for it (seal specs);
// with { joinOrgId }: the caller's approved unit order for that enterprise (its download makes them a member);
// with { authorizeOrgId }: the caller (a member) authorized for the demo trading platform
export const POST = userRoute(({ user, input }) => createSealOrgFixture({ userId: user.id, holderPhone: user.phone, joinOrgId: input?.joinOrgId, authorizeOrgId: input?.authorizeOrgId }), {
  body: z.object({ joinOrgId: z.string().min(1).max(64).optional(), authorizeOrgId: z.string().min(1).max(64).optional() }).optional(),
  status: 201,
});
