import { db, type Db } from "@/lib/db/client";
import { auditHash, chainGenesis } from "./audit-hash";

/**
 * `reason`: "link" (prevHash is not the chain's previous hash: a row deleted or inserted before it),
 * "content" (the row was edited), "head" (the chain's head names a hash no row has: rows at the end of
 * that chain were deleted; brokenAtId is then the chain's last remaining row, or null when none is
 * left). `rows`: the rows verified, in every chain up to its break.
 */
export type AuditChainResult =
  | { ok: true; rows: number; chains: number }
  | { ok: false; rows: number; brokenAtId: string | null; reason: "link" | "content" | "head"; chain: number };

type Break = { id: bigint | null; reason: "link" | "content" | "head"; chain: number };

// The break reported first: the lowest row id, a chain emptied from its end (no row to name) last.
const before = (a: Break, b: Break) => (a.id === null ? false : b.id === null ? true : a.id < b.id);

/**
 * Walks every chain (AuditChainHead) in id order and reports the first row, by id, whose link or
 * content does not match, or a chain whose head names a row that is gone. Appends may run meanwhile:
 * within a chain rows are inserted under its head's lock and committed in id order, so a walk sees
 * a prefix of each chain, and the head read first is a hash the walk must meet.
 */
export async function verifyAuditChain({ batch = 1000, client = db }: { batch?: number; client?: Db } = {}): Promise<AuditChainResult> {
  const heads = await client.auditChainHead.findMany({ orderBy: { chain: "asc" }, select: { chain: true, hash: true } });
  let rows = 0;
  let first: Break | undefined;
  for (const head of heads) {
    const walked = await walkChain(client, head, batch);
    rows += walked.rows;
    if (walked.broken && (!first || before(walked.broken, first))) first = walked.broken;
  }
  // A row outside every chain (a chain number without a head) links to nothing that is checked.
  const stray = await client.auditLog.findFirst({ where: { chain: { notIn: heads.map((h) => h.chain) } }, orderBy: { id: "asc" }, select: { id: true, chain: true } });
  if (stray && (!first || before({ id: stray.id, reason: "link", chain: stray.chain }, first))) first = { id: stray.id, reason: "link", chain: stray.chain };
  if (!first) return { ok: true, rows, chains: heads.length };
  return { ok: false, rows, brokenAtId: first.id === null ? null : first.id.toString(), reason: first.reason, chain: first.chain };
}

/** One chain: its rows verified before the first break, and the break. */
async function walkChain(client: Db, { chain, hash: head }: { chain: number; hash: string }, batch: number): Promise<{ rows: number; broken?: Break }> {
  let prevHash = chainGenesis(chain);
  let headSeen = head === prevHash;
  let cursor: bigint | undefined;
  let rows = 0;
  for (;;) {
    const page = await client.auditLog.findMany({
      where: { chain, ...(cursor === undefined ? {} : { id: { gt: cursor } }) },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (page.length === 0) break;
    for (const row of page) {
      if (row.prevHash !== prevHash) return { rows, broken: { id: row.id, reason: "link", chain } };
      if (auditHash(prevHash, row) !== row.hash) return { rows, broken: { id: row.id, reason: "content", chain } };
      prevHash = row.hash;
      headSeen ||= row.hash === head;
      rows++;
      cursor = row.id;
    }
  }
  return { rows, broken: headSeen ? undefined : { id: cursor ?? null, reason: "head", chain } };
}
