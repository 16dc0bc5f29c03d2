import { watchRowChanges } from "@/lib/db/row-changes";
import { platformRoute } from "@/lib/server/http/platform-route";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";

export const dynamic = "force-dynamic";

const TERMINAL = new Set(["completed", "rejected", "expired", "failed"]);

// GET /api/v1/scan-requests/:id/events — server-sent events: one `status` event per change, until a final state.
// The stream reads the database when PostgreSQL notifies an update of the row and once a second in any
// case, so any app instance can serve it.
export const GET = platformRoute(async ({ platform, params, req }) => {
  const platformId = platform.id;
  const { id } = params;
  await getPlatformScanRequest({ platformId, id });
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const changes = watchRowChanges("ScanRequest", id);
      await changes.ready(2_000);
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
        await changes.next(1000);
      }
      changes.close();
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
});
