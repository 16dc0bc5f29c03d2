import type { Tx } from "@/lib/server/db/client";
import { auditHash, GENESIS_HASH } from "./audit-hash";

// Any constant: the advisory lock serialises appends so the chain never forks.
const AUDIT_LOCK = 727_001;

/**
 * Appends an audit row in the caller's transaction (the change and its audit row commit together).
 * hash = SHA-256(prevHash, canonical row): editing or deleting a row breaks every later hash.
 */
export async function writeAudit(
  tx: Tx,
  entry: { actorId?: string | null; action: string; targetType: string; targetId: string; data?: Record<string, unknown>; ip?: string | null },
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = {
    at: new Date(),
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
  };
  return tx.auditLog.create({ data: { ...fields, data: fields.data as object, prevHash, hash: auditHash(prevHash, fields) } });
}
