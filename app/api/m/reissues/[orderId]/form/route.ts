import { userRoute } from "@/lib/server/http/user-route";
import { renderReissueForm } from "@/lib/server/orders/render-reissue-form";

export const dynamic = "force-dynamic";

// GET /api/m/reissues/:orderId/form — the 补办申请表 to print, sign/stamp and upload (PDF), where the channel asks for it
export const GET = userRoute(async ({ user, params }) => {
  const { bytes, filename } = await renderReissueForm({ userId: user.id, orderId: params.orderId });
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
});
