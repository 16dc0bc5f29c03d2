import { userRoute } from "@/lib/server/http/user-route";
import { renderAuthorizationTemplate } from "@/lib/server/orders/render-authorization-template";

// GET /api/orders/[id]/authorization-letter — the legal rep's authorization letter, pre-filled, to print and stamp (PDF)
export const GET = userRoute(async ({ user, params }) => {
  const { bytes, filename } = await renderAuthorizationTemplate({ userId: user.id, orderId: params.id });
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
});
