import { authenticatePlatform } from "@/lib/server/scan/authenticate-platform";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { toErrorResponse } from "@/lib/server/http/error-response";

export const dynamic = "force-dynamic";

const TERMINAL = new Set(["completed", "rejected", "expired", "failed"]);

// GET /api/v1/scan-requests/:id/events — server-sent events: one `status` event per change, until a final state.
// The stream reads the database once a second, so any app instance can serve it.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  let platformId: string;
  const { id } = await params;
  try {
    platformId = (await authenticatePlatform(req.headers.get("authorization"))).id;
    await getPlatformScanRequest({ platformId, id });
  } catch (err) {
    return toErrorResponse(err);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      let last = "";
      const deadline = Date.now() + 11 * 60_000;
      while (!req.signal.aborted && Date.now() < deadline) {
        const view = await getPlatformScanRequest({ platformId, id }).catch(() => null);
        if (!view) break;
        const json = JSON.stringify(view);
        if (json !== last) {
          controller.enqueue(encoder.encode(`event: status\ndata: ${json}\n\n`));
          last = json;
        } else {
          controller.enqueue(encoder.encode(": keep-alive\n\n"));
        }
        if (TERMINAL.has(view.status)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
