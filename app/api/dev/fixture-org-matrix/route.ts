import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { createMatrixFixture } from "@/lib/server/org/create-matrix-fixture";
import { ZMobile } from "@/lib/server/orders/order-fields.types";

export const dynamic = "force-dynamic";

const ZBody = z.object({ phones: z.object({ certAdmin: ZMobile, sealAdmin: ZMobile, member: ZMobile, legalRep: ZMobile, outsider: ZMobile }) });

// POST /api/dev/fixture-org-matrix — E2E only (CERTDESK_E2E_FIXTURES=1): an enterprise the caller administers with one account per role
export const POST = userRoute(({ user, input }) => createMatrixFixture({ userId: user.id, phones: input.phones }), { body: ZBody, status: 201 });
