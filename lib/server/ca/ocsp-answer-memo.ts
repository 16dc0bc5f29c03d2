import { dbAdapter } from "@/lib/db/client";
import type { OpenedAdapter } from "@/lib/db/adapter";
import { CA_PROFILE } from "@/lib/server/ca/ca-profile";

// A per-process memo of cached OCSP answers, in front of the OcspCache table. Under load the
// same few certificates are asked about over and over (every bid opening checks the same
// bidders), and a query per answer costs more CPU than the rest of the answer (PGlite: ~0.5 ms).
// Entries live CA_PROFILE.ocsp.memoMs at most: the table stays the truth, a revocation drops the
// entry at once in this process, and other instances follow within memoMs. Those answers are
// signed statements valid for hours that clients cache anyway, so a second of lag changes nothing.
export interface MemoAnswer {
  der: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date;
}

const MAX_ENTRIES = 20_000;
// Keyed by the database the answers were read from: another database (a bench module, a test
// file's own) starts with an empty memo.
let memo: { source: OpenedAdapter; entries: Map<string, MemoAnswer & { until: number }> } | undefined;

function current(): Map<string, MemoAnswer & { until: number }> {
  const source = dbAdapter();
  if (memo?.source !== source) memo = { source, entries: new Map() };
  return memo.entries;
}

export const ocspAnswerMemo = {
  get(serialHex: string, now: number): MemoAnswer | undefined {
    const entries = current();
    const entry = entries.get(serialHex);
    if (!entry) return undefined;
    if (entry.until > now) return entry;
    entries.delete(serialHex);
    return undefined;
  },

  set(serialHex: string, answer: MemoAnswer, now: number): void {
    const { memoMs, refreshBeforeMs } = CA_PROFILE.ocsp;
    const until = Math.min(now + memoMs, answer.nextUpdate.getTime() - refreshBeforeMs);
    if (until <= now) return;
    const entries = current();
    // Map keeps insertion order: dropping the first key evicts the oldest entry.
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(serialHex, { ...answer, until });
  },

  forget(serialHex: string): void {
    current().delete(serialHex);
  },
};
