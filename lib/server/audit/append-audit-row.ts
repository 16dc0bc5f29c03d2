import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { beforeCommit } from "@/lib/db/before-commit";
import { auditBody } from "./audit-hash";

/**
 * The audit log is this many hash chains side by side (heads in AuditChainHead, seeded by the
 * migration 20261202154726_audit_chains). One chain serialised every audited change of the desk on
 * its lock, held until the commit; with 64, two audited transactions wait on each other only when
 * they happen to pick the same chain.
 */
export const AUDIT_CHAINS = 64;

export type AuditRowInput = { actorId?: string | null; action: string; targetType: string; targetId: string; data?: Record<string, unknown>; ip?: string | null };

type Pending = { chain: number; rows: Array<ReturnType<typeof prepare>> };

// Chains of transactions that are not db.$transaction's own (rare: a client opened elsewhere).
const chainOfForeignTx = new WeakMap<object, number>();

/**
 * Appends an audit row to the chain of the caller's transaction, for any action name (domain code
 * calls the typed `writeAudit`). The row's content is fixed now; it is written as the transaction's
 * last statements, right before its commit (lib/db/before-commit.ts). Why it cannot deadlock:
 *  - a transaction appends to ONE chain, chosen at its first row, so it never holds one chain's lock
 *    while waiting for another's;
 *  - the chain's lock (its head row) is the last lock the transaction takes: after it only the
 *    AuditLog inserts and the commit follow, which wait for no lock another transaction holds (the
 *    actorId foreign key takes a KEY SHARE lock on the user row, which conflicts only with FOR
 *    UPDATE or a delete of that user: the desk locks users FOR NO KEY UPDATE).
 * So a transaction waiting for a chain's lock waits for one that will commit without waiting for it.
 * Outside db.$transaction (the plain client, a transaction of another client) the row is written at
 * once, still one chain per transaction.
 */
export async function appendAuditRow(tx: Tx, entry: AuditRowInput): Promise<void> {
  const row = prepare(entry);
  const pending = beforeCommit<Pending>(tx, "audit", () => ({ chain: randomInt(AUDIT_CHAINS), rows: [] }), (p) => insertRows(tx, p.chain, p.rows));
  if (pending) {
    pending.rows.push(row);
    return;
  }
  let chain = chainOfForeignTx.get(tx);
  if (chain === undefined) chainOfForeignTx.set(tx, (chain = randomInt(AUDIT_CHAINS)));
  await insertRows(tx, chain, [row]);
}

/**
 * Writes a row to `chain` at once, at this point of the transaction: what appendAuditRow does only
 * where it cannot defer. Taking a chain's lock in the middle of a transaction, before other locks,
 * is the order that deadlocks (tests/integration/audit-chain.test.ts shows it does); domain code
 * never calls this.
 */
export async function appendAuditRowNow(tx: Tx, entry: AuditRowInput, chain: number): Promise<void> {
  await insertRows(tx, chain, [prepare(entry)]);
}

/** The row's fields as stored and hashed: data through JSON once, so the hash is over what the jsonb column gives back. */
function prepare(entry: AuditRowInput) {
  const at = new Date();
  const data = JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>;
  const fields = { at, actorId: entry.actorId ?? null, action: entry.action, targetType: entry.targetType, targetId: entry.targetId, data, ip: entry.ip ?? null };
  return { ...fields, body: auditBody(fields) };
}

/**
 * One statement per row: the chain's head row is updated (the lock; an append that waited for it
 * updates the head its predecessor committed, as READ COMMITTED does for an UPDATE) to
 * hash = SHA-256(hash "\n" body), computed by PostgreSQL over the bytes auditHash hashes, keeping
 * the old hash as prevHash, and the row is inserted with both.
 */
async function insertRows(tx: Tx, chain: number, rows: Array<ReturnType<typeof prepare>>) {
  for (const r of rows) {
    const inserted = await tx.$queryRaw<Array<{ id: bigint }>>`
      WITH head AS (
        UPDATE "AuditChainHead"
        SET "prevHash" = "hash", "hash" = encode(sha256(convert_to("hash" || ${`\n${r.body}`}::text, 'UTF8')), 'hex')
        WHERE "chain" = ${chain}::smallint
        RETURNING "prevHash", "hash"
      )
      INSERT INTO "AuditLog" ("chain", "at", "actorId", "action", "targetType", "targetId", "data", "ip", "prevHash", "hash")
      SELECT ${chain}::smallint, ${r.at.toISOString()}::timestamp(3), ${r.actorId}::text, ${r.action}::text, ${r.targetType}::text, ${r.targetId}::text, ${JSON.stringify(r.data)}::jsonb, ${r.ip}::text, head."prevHash", head."hash"
      FROM head
      RETURNING "id"`;
    if (inserted.length !== 1) throw new Error(`audit chain ${chain} has no head row (AuditChainHead)`);
  }
}
