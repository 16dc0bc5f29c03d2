import type { Tx } from "@/lib/db/client";
import { auditHash, GENESIS_HASH } from "./audit-hash";

// Any constant: the advisory lock serialises appends so the chain never forks.
const AUDIT_LOCK = 727_001;

export type AuditRowInput = { actorId?: string | null; action: string; targetType: string; targetId: string; data?: Record<string, unknown>; ip?: string | null };

/**
 * The chain itself, for any action name: takes the lock, links to the last row and stores
 * hash = SHA-256(prevHash, canonical row). Domain code calls the typed `writeAudit`.
 */
export async function appendAuditRow(tx: Tx, entry: AuditRowInput) {
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
