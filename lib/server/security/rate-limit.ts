import { AppError } from "@/lib/errors";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type Window = { seconds: number; max: number };

// Sliding windows counted in the database, so every app instance sees the same numbers.
// Returns how many seconds to wait, or 0 when another hit is allowed.
export async function secondsUntilAllowed(client: Db | Tx, key: string, windows: Window[], now = new Date()): Promise<number> {
  return (await windowState(client, key, windows, now)).wait;
}

async function windowState(client: Db | Tx, key: string, windows: Window[], now: Date) {
  let wait = 0;
  let remaining = Infinity;
  for (const w of windows) {
    const since = new Date(now.getTime() - w.seconds * 1000);
    // One row whatever the window's size: how many of its newest `max` hits there are, and the
    // oldest of them (the one whose expiry frees a place). A generous limit (600 scan requests a
    // minute per platform) used to fetch every hit of the window on every request.
    // Times cross as epoch milliseconds: createdAt is a UTC timestamp without time zone.
    const [row] = await client.$queryRaw<Array<{ hits: number; oldestMs: number | null }>>`
      SELECT count(*)::int AS hits, (extract(epoch FROM min(t."createdAt")) * 1000)::float8 AS "oldestMs" FROM (
        SELECT "createdAt" FROM "RateLimitHit"
        WHERE "key" = ${key} AND "createdAt" > (to_timestamp(${since.getTime()}::float8 / 1000) AT TIME ZONE 'UTC')
        ORDER BY "createdAt" DESC LIMIT ${w.max}
      ) t`;
    const hits = Number(row?.hits ?? 0);
    remaining = Math.min(remaining, w.max - hits);
    if (hits >= w.max && row?.oldestMs != null) {
      const oldest = Math.round(Number(row.oldestMs));
      wait = Math.max(wait, Math.ceil((oldest + w.seconds * 1000 - now.getTime()) / 1000));
    }
  }
  return { wait, remaining };
}

const isDb = (client: Db | Tx): client is Db => typeof (client as { $disconnect?: unknown }).$disconnect === "function";

/**
 * Takes one hit atomically: a per-key advisory lock serialises the count and the insert, so 100
 * parallel requests against a window of 5 let exactly 5 through, on every instance (the lock and
 * the rows are in the database). Throws RATE_LIMITED (with retryAfter) when any window is full, or
 * the error `refuse` builds. Returns the hit's id and how many hits the tightest window has left.
 * Take the hit BEFORE the work it limits (a password check), not after.
 */
export async function consumeRateLimit(
  client: Db | Tx,
  key: string,
  windows: Window[],
  now = new Date(),
  { refuse }: { refuse?: (wait: number) => AppError } = {},
): Promise<{ hitId: bigint; remaining: number }> {
  const take = async (tx: Tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate-limit:${key}`}, 0))`;
    // One statement after the lock (a new snapshot, so it counts every hit committed before): the
    // hit goes in only if every window has room, and comes back with each window's count before it.
    // A refusal reads the windows again for the wait (the refused path only).
    const at = Prisma.sql`(to_timestamp(${now.getTime()}::float8 / 1000) AT TIME ZONE 'UTC')`;
    const counted = windows.map(
      (w) => Prisma.sql`(SELECT count(*)::int FROM (
        SELECT 1 FROM "RateLimitHit" WHERE "key" = ${key} AND "createdAt" > (to_timestamp(${now.getTime() - w.seconds * 1000}::float8 / 1000) AT TIME ZONE 'UTC')
        ORDER BY "createdAt" DESC LIMIT ${w.max}) t)`,
    );
    const room = Prisma.join(windows.map((w, i) => Prisma.sql`${counted[i]!} < ${w.max}`), " AND ");
    const [hit] = await tx.$queryRaw<Array<{ id: bigint; hits: number[] }>>`
      INSERT INTO "RateLimitHit" ("key", "createdAt") SELECT ${key}, ${at} WHERE ${room}
      RETURNING "id", ARRAY[${Prisma.join(counted)}]::int[] AS hits`;
    if (!hit) {
      const { wait } = await windowState(tx, key, windows, now);
      const seconds = Math.max(1, wait);
      throw refuse ? refuse(seconds) : new AppError("rate_limited", { params: { seconds }, retryAfter: seconds });
    }
    const remaining = Math.min(...windows.map((w, i) => w.max - Number(hit.hits[i] ?? 0)));
    return { hitId: BigInt(hit.id), remaining: remaining - 1 };
  };
  return isDb(client) ? client.$transaction(take) : take(client);
}

/** Gives one hit back (the attempt it counted turned out to be legitimate). */
export async function releaseHit(client: Db | Tx, hitId: bigint) {
  await client.rateLimitHit.deleteMany({ where: { id: hitId } });
}

export async function clearHits(client: Db | Tx, key: string) {
  await client.rateLimitHit.deleteMany({ where: { key } });
}
