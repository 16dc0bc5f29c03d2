import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { confirmDepositCode, ZConfirmDepositCodeSchema } from "@/lib/server/identity/confirm-deposit-code";

// POST /api/identity-checks/[id]/code — confirm the micro-deposit code from the transfer memo
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const { code } = ZConfirmDepositCodeSchema.parse(await req.json().catch(() => ({})));
    return NextResponse.json(await confirmDepositCode({ userId: user.id, checkId: id, code }));
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
