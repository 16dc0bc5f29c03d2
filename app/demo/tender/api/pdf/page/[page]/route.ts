import { z } from "zod";
import { publicRoute } from "@/lib/server/http/public-route";
import { readDemoState } from "@/lib/demo-tender/demo-state";
import { demoError } from "@/lib/demo-tender/demo-error";
import { renderDemoPdfPage } from "@/lib/demo-tender/pdf-seal";

export const dynamic = "force-dynamic";

// GET /demo/tender/api/pdf/page/:page — page :page (0-based) of the visitor's PDF as it is now, rendered to PNG by pdftoppm
export const GET = publicRoute<undefined, undefined, { page: string }>(async ({ params }) => {
  try {
    const png = await renderDemoPdfPage(await readDemoState(), z.coerce.number().int().min(0).max(199).parse(params.page));
    return new Response(Buffer.from(png), { headers: { "Content-Type": "image/png", "Cache-Control": "no-store" } });
  } catch (err) {
    return demoError(err, 404);
  }
});
