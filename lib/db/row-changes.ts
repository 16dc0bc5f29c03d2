// Wakes a server-sent event stream as soon as its row changes, on any instance: the migration
// 20261202045000_row_change_notify has PostgreSQL NOTIFY "certdesk_row_change" with "<table>:<id>"
// after every UPDATE of an IdentityCheck or a ScanRequest, and one LISTEN connection per process
// hands each notification to the streams watching that row. Streams keep their once-a-second poll
// as the floor: on PGlite (no DATABASE_URL), while the listener is down, and for changes that are
// not row updates (a deadline passing).
import pg from "pg";
import { env } from "@/lib/env";

const CHANNEL = "certdesk_row_change";
const RETRY_AFTER_MS = 5_000;

type Watch = { notified: boolean; wake?: () => void };
const watches = new Map<string, Set<Watch>>();
let listener: Promise<pg.Client | null> | undefined;
let failedAt = 0;

function deliver(payload: string) {
  for (const w of watches.get(payload) ?? []) {
    w.notified = true;
    w.wake?.();
  }
}

function connect(): Promise<pg.Client | null> {
  const url = env().DATABASE_URL;
  if (!url || Date.now() - failedAt < RETRY_AFTER_MS) return Promise.resolve(null);
  const client = new pg.Client({ connectionString: url, application_name: "certdesk-row-changes" });
  const lost = () => {
    failedAt = Date.now();
    listener = undefined;
    client.removeAllListeners("notification");
    client.end().catch(() => {});
  };
  return client
    .connect()
    .then(async () => {
      client.on("notification", (msg) => msg.channel === CHANNEL && msg.payload && deliver(msg.payload));
      client.on("error", lost);
      client.on("end", () => (listener = undefined));
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    })
    .catch(() => {
      lost();
      return null;
    });
}

function ensureListener() {
  if (watches.size > 0 && !listener) listener = connect();
}

/**
 * Watches one row from now on. `next(ms)` resolves as soon as the row was updated since the last
 * call (including before it), or after `ms` at the latest; `close()` when the stream ends.
 */
export function watchRowChanges(table: "IdentityCheck" | "ScanRequest", id: string) {
  const key = `${table}:${id}`;
  const watch: Watch = { notified: false };
  const set = watches.get(key) ?? new Set<Watch>();
  set.add(watch);
  watches.set(key, set);
  ensureListener();
  return {
    /**
     * Resolves once this process LISTENs (or after `ms`, or at once without a listener): a stream
     * awaits it before its first read, so an update right after that read wakes it rather than
     * waiting for the poll (the first stream of a process would otherwise open the connection late).
     */
    async ready(ms: number): Promise<void> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([listener ?? Promise.resolve(null), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
    },
    async next(ms: number): Promise<void> {
      ensureListener();
      if (!watch.notified) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, ms);
          function done() {
            clearTimeout(timer);
            watch.wake = undefined;
            resolve();
          }
          watch.wake = done;
        });
      }
      watch.notified = false;
    },
    close() {
      watch.wake?.();
      set.delete(watch);
      if (set.size === 0) watches.delete(key);
    },
  };
}

/** For tests and shutdown: drops the LISTEN connection. */
export async function closeRowChangeListener() {
  const client = await listener;
  listener = undefined;
  await client?.end().catch(() => {});
}
