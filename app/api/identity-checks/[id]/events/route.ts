import { userRoute } from "@/lib/server/http/user-route";
import { watchRowChanges } from "@/lib/db/row-changes";
import { getIdentityCheck } from "@/lib/server/identity/get-identity-check";

export const dynamic = "force-dynamic";

const POLL_MS = 1000;
// EventSource reconnects by itself; closing after a while bounds how long a forgotten tab holds a connection.
const MAX_MS = 10 * 60_000;

// GET /api/identity-checks/[id]/events — server-sent "status" events until the check is final
export const GET = userRoute(async ({ user, params, req }) => {
  const checkId = params.id;
  await getIdentityCheck({ userId: user.id, checkId }); // 404 before opening a stream
  const userId = user.id;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // The check changes in another request (the phone's face page), possibly on another
      // instance, so the stream reads the row: again as soon as PostgreSQL notifies an update of it
      // (lib/db/row-changes.ts), and once a second in any case.
      const changes = watchRowChanges("IdentityCheck", checkId);
      await changes.ready(2_000);
      const started = Date.now();
      let last = "";
      let closed = false;
      req.signal.addEventListener("abort", () => (closed = true));
      while (!closed && Date.now() - started < MAX_MS) {
        try {
          const view = await getIdentityCheck({ userId, checkId });
          const json = JSON.stringify(view);
          if (json !== last) {
            controller.enqueue(encoder.encode(`event: status\ndata: ${json}\n\n`));
            last = json;
          } else {
            controller.enqueue(encoder.encode(`: keep-alive\n\n`));
          }
          if (view.status !== "PENDING") break;
        } catch {
          break;
        }
        await changes.next(POLL_MS);
      }
      changes.close();
      try {
        controller.close();
      } catch {
        // already closed by the client going away
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});
