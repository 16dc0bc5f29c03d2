import { NextResponse } from "next/server";
import { z } from "zod";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { startIdentityCheck, ZStartIdentityCheckSchema } from "@/lib/server/identity/start-identity-check";

const ZBody = ZStartIdentityCheckSchema.extend({ orderId: z.string().max(40).optional(), subject: z.record(z.string(), z.string().max(200)) });

// POST /api/identity-checks — start a check (for an order of the caller's, or for the account itself)
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    const body = ZBody.parse(await req.json().catch(() => ({})));
    return NextResponse.json(await startIdentityCheck({ userId: user.id, ...body }), { status: 201 });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
