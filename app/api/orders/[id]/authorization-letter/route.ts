import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { renderAuthorizationTemplate } from "@/lib/server/orders/render-authorization-template";

// GET /api/orders/[id]/authorization-letter — the legal rep's authorization letter, pre-filled, to print and stamp (PDF)
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { bytes, filename } = await renderAuthorizationTemplate({ userId: user.id, orderId: (await params).id });
    return new Response(Buffer.from(bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
    });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
