import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { renderApplicationForm } from "@/lib/server/orders/render-application-form";

// GET /api/orders/[id]/application-form — the printable application form of the mail-in path (PDF)
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { bytes, filename } = await renderApplicationForm({ userId: user.id, orderId: (await params).id });
    return new Response(Buffer.from(bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
    });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
