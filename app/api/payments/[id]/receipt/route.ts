import { userRoute } from "@/lib/server/http/user-route";
import { renderPaymentReceipt } from "@/lib/server/payments/render-payment-receipt";

export const dynamic = "force-dynamic";

// GET /api/payments/[id]/receipt — 付款凭证 (PDF) of a paid or refunded payment, for whoever may see its order
export const GET = userRoute(async ({ user, params }) => {
  const receipt = await renderPaymentReceipt({ userId: user.id, paymentId: params.id });
  return new Response(Buffer.from(receipt.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${receipt.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
