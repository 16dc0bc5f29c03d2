import { db } from "@/lib/db/client";
import { auditHash, GENESIS_HASH } from "./audit-hash";

export type AuditChainResult = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: string; reason: string };

/** Walks the chain in id order; reports the first row whose link or content does not match. */
export async function verifyAuditChain({ batch = 1000 }: { batch?: number } = {}): Promise<AuditChainResult> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let rows = 0;
  for (;;) {
    const page = await db.auditLog.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (page.length === 0) return { ok: true, rows };
    for (const row of page) {
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtId: row.id.toString(), reason: "link" };
      const expected = auditHash(prevHash, row);
      if (expected !== row.hash) return { ok: false, rows, brokenAtId: row.id.toString(), reason: "content" };
      prevHash = row.hash;
      rows++;
      cursor = row.id;
    }
  }
}
