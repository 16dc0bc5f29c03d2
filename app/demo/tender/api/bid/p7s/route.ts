import { publicRoute } from "@/lib/server/http/public-route";
import { readDemoState } from "@/lib/demo-tender/demo-state";
import { getDemoScan } from "@/lib/demo-tender/platform-api";
import { demoError } from "@/lib/demo-tender/demo-error";

export const dynamic = "force-dynamic";

// GET /demo/tender/api/bid/p7s — the visitor's signed bid's detached CMS (.p7s), as the platform received it
export const GET = publicRoute(async () => {
  try {
    const state = await readDemoState();
    if (!state.bid?.signRequestId || !state.bid.signature) return demoError(new Error("scanner.demo.needBid"), 404);
    const scan = await getDemoScan(state.bid.signRequestId);
    const der = Buffer.from(scan.type === "sign" ? (scan.result?.cms ?? "") : "", "base64");
    return new Response(der, {
      headers: { "Content-Type": "application/pkcs7-signature", "Content-Disposition": `attachment; filename="${state.bid.id}.p7s"`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    return demoError(err);
  }
});
