import { userRoute } from "@/lib/server/http/user-route";
import { renderApplicationForm } from "@/lib/server/orders/render-application-form";

// GET /api/orders/[id]/application-form — the printable application form of the mail-in path (PDF)
export const GET = userRoute(async ({ user, params }) => {
  const { bytes, filename } = await renderApplicationForm({ userId: user.id, orderId: params.id });
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
});
