import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { createFixtureOrder } from "@/lib/server/reviews/create-fixture-order";

export const dynamic = "force-dynamic";

const ZBody = z.object({ fourEyes: z.boolean().default(false) });

// POST /api/m/dev/fixture-order — E2E only (CERTDESK_E2E_FIXTURES=1): an IN_REVIEW order for the caller
export async function POST(req: Request) {
  try {
    const user = await requireUser({ permission: "desk.use" });
    const { fourEyes } = ZBody.parse(await req.json().catch(() => ({})));
    return NextResponse.json(await createFixtureOrder({ userId: user.id, holderPhone: user.phone, fourEyes }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
