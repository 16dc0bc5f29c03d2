import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { sendFaceLink, ZSendFaceLinkSchema } from "@/lib/server/identity/send-face-link";

// POST /api/identity-checks/[id]/face-link — text the face-check link to the legal representative
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const { phone } = ZSendFaceLinkSchema.parse(await req.json().catch(() => ({})));
    return NextResponse.json(await sendFaceLink({ userId: user.id, checkId: id, phone }));
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
