import { AppError } from "@/lib/errors";
import type { Db, Tx } from "@/lib/server/db/client";

export type Window = { seconds: number; max: number };

// Sliding windows counted in the database, so every app instance sees the same numbers.
// Returns how many seconds to wait, or 0 when another hit is allowed.
export async function secondsUntilAllowed(client: Db | Tx, key: string, windows: Window[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const w of windows) {
    const since = new Date(now.getTime() - w.seconds * 1000);
    const hits = await client.rateLimitHit.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: w.max,
      select: { createdAt: true },
    });
    if (hits.length >= w.max) {
      const oldest = hits[hits.length - 1]!.createdAt.getTime();
      wait = Math.max(wait, Math.ceil((oldest + w.seconds * 1000 - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordHit(client: Db | Tx, key: string, at = new Date()) {
  await client.rateLimitHit.create({ data: { key, createdAt: at } });
}

/** Throws RATE_LIMITED (with retryAfter) when any window is full; otherwise records the hit. */
export async function consumeRateLimit(client: Db | Tx, key: string, windows: Window[], now = new Date()) {
  const wait = await secondsUntilAllowed(client, key, windows, now);
  if (wait > 0) throw new AppError("rate_limited", { params: { seconds: wait }, retryAfter: wait });
  await recordHit(client, key, now);
}

export async function clearHits(client: Db | Tx, key: string) {
  await client.rateLimitHit.deleteMany({ where: { key } });
}
