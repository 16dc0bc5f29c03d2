import { watchRowChanges } from "@/lib/db/row-changes";
import { db } from "@/lib/db/client";
import { platformRoute } from "@/lib/server/http/platform-route";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { scanViewsAfter } from "@/lib/server/scan/scan-views-after";
import { LAST_WEBHOOK_SEQUENCE } from "@/lib/platform/webhook-delivery";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

/** Last-Event-ID as sent back by an EventSource that reconnects: the sequence it last received. */
function lastEventId(req: Request): number {
  const raw = req.headers.get("last-event-id")?.trim() ?? "";
  return /^[0-9]$/.test(raw) ? Math.min(Number(raw), LAST_WEBHOOK_SEQUENCE) : -1;
}

// GET /api/v1/scan-requests/:id/events — server-sent events: one `status` event per state the request
// reaches (pending 0, scanned 1, then its final state 2), each with `id: <sequence>`; a client that
// reconnects with Last-Event-ID gets only the states after it. A state passed between two reads is
// still sent, so none is skipped. The stream reads the database when PostgreSQL notifies an update of
// the row and once a second in any case, so any app instance can serve it; it ends at a final state.
export const GET = platformRoute(async ({ platform, params, req }) => {
  const platformId = platform.id;
  const { id } = params;
  await getPlatformScanRequest({ platformId, id });
  let sent = lastEventId(req);
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const changes = watchRowChanges("ScanRequest", id);
      await changes.ready(2_000);
      const deadline = Date.now() + 11 * 60_000;
      while (!req.signal.aborted && Date.now() < deadline && sent < LAST_WEBHOOK_SEQUENCE) {
        const row = await db.scanRequest.findFirst({ where: { id, platformId } }).catch(() => null);
        if (!row) break;
        const events = scanViewsAfter(row, sent);
        for (const e of events) controller.enqueue(encoder.encode(`id: ${e.sequence}\nevent: status\ndata: ${JSON.stringify(e.view)}\n\n`));
        if (events.length > 0) sent = events.at(-1)!.sequence;
        else controller.enqueue(encoder.encode(": keep-alive\n\n"));
        if (sent >= LAST_WEBHOOK_SEQUENCE) break;
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

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
