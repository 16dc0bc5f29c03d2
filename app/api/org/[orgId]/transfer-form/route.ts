import { userRoute } from "@/lib/server/http/user-route";
import { renderTransferForm } from "@/lib/server/org/render-transfer-form";

// GET /api/org/[orgId]/transfer-form?to=<userId> — the 转授管理员 form, pre-filled, to print, stamp and upload (PDF)
export const GET = userRoute(async ({ user, params, req }) => {
  const to = new URL(req.url).searchParams.get("to");
  const { bytes, filename } = await renderTransferForm({ userId: user.id, orgId: params.orgId, toUserId: to });
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
});
