import { publicRoute } from "@/lib/server/http/public-route";
import { readDemoState } from "@/lib/demo-tender/demo-state";
import { demoError } from "@/lib/demo-tender/demo-error";
import { demoPdfBytes } from "@/lib/demo-tender/pdf-seal";

export const dynamic = "force-dynamic";

// GET /demo/tender/api/pdf/file — the visitor's PDF with every signature embedded so far
export const GET = publicRoute(async () => {
  try {
    const { bytes, fileName } = await demoPdfBytes(await readDemoState());
    const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
    return new Response(Buffer.from(bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${ascii || "signed.pdf"}"; filename*=UTF-8''${encodeURIComponent(fileName)}`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    return demoError(err, 404);
  }
});
