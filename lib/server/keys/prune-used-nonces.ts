import { db } from "@/lib/db/client";
import { NONCE_KEEP_MS } from "@/lib/server/keys/assert-fresh-nonce";

const BATCH = 5000;

/**
 * Deletes UsedNonce rows older than the nonce window plus a margin (their messages are refused as
 * stale whether or not the row exists), in bounded batches so no statement holds many row locks or
 * runs long. Safe beside new inserts (they are younger than the cut-off) and beside another instance
 * pruning (SKIP LOCKED: the two split the old rows instead of waiting on each other).
 */
export async function pruneUsedNonces(input: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const cutoff = new Date((input.now ?? new Date()).getTime() - NONCE_KEEP_MS);
  const batchSize = input.batchSize ?? BATCH;
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "UsedNonce" WHERE "nonce" IN (
        SELECT "nonce" FROM "UsedNonce" WHERE "createdAt" < ${cutoff} ORDER BY "createdAt" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
      )`;
    deleted += count;
    if (count === 0) return deleted;
  }
}
