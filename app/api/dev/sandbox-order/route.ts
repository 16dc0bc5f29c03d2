import { NextResponse } from "next/server";
import { z } from "zod";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { createSandboxTestOrder } from "@/lib/server/payments/create-sandbox-test-order";

const ZBody = z.object({ priceFen: z.number().int().min(1).max(10_000_000).optional(), invoiceEmail: z.email().optional() });

// POST /api/dev/sandbox-order — a priced order awaiting payment, for trying payments (full sandbox mode only)
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    const body = ZBody.parse(await req.json().catch(() => ({})));
    return NextResponse.json(await createSandboxTestOrder({ userId: user.id, ...body }), { status: 201 });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
