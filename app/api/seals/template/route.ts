import { userRoute } from "@/lib/server/http/user-route";
import { renderSealTemplate } from "@/lib/server/seals/render-seal-template";

export const dynamic = "force-dynamic";

// GET /api/seals/template — the printable stamping template (PDF, a download)
export const GET = userRoute(async () =>
  new Response(Buffer.from(await renderSealTemplate()), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="seal-template.pdf"', "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  }),
);
