import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { createFixtureOrder } from "@/lib/server/reviews/create-fixture-order";

export const dynamic = "force-dynamic";

const ZBody = z
  .object({
    fourEyes: z.boolean().default(false),
    // A spec's own channel (see createFixtureOrder); without it, the demo channel.
    channel: z.string().regex(/^e2e-[a-z0-9-]{1,40}$/).optional(),
  })
  .default({ fourEyes: false });

// POST /api/m/dev/fixture-order — E2E only (CERTDESK_E2E_FIXTURES=1): an IN_REVIEW order for the caller
export const POST = userRoute(({ user, input }) => createFixtureOrder({ userId: user.id, holderPhone: user.phone, fourEyes: input.fourEyes, channel: input.channel }), { body: ZBody });
