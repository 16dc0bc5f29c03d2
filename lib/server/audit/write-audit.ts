import type { Tx } from "@/lib/db/client";
import { appendAuditRow } from "./append-audit-row";
import { assertAuditData, type AuditAction, type AuditData } from "./audit-actions";

export type AuditEntry<A extends AuditAction> = {
  actorId?: string | null;
  action: A;
  targetType: string;
  targetId: string;
  ip?: string | null;
} & ({} extends AuditData<A> ? { data?: AuditData<A> } : { data: AuditData<A> });

/**
 * Appends an audit row in the caller's transaction (the change and its audit row commit together;
 * the row is written right before the commit, appendAuditRow says why).
 * hash = SHA-256(prevHash, canonical row): editing or deleting a row breaks every later hash of its chain.
 * The action and its data are typed by AUDIT_DATA_SCHEMAS and parsed before the row is written:
 * a wrong shape throws (and rolls the caller's change back), since every caller is our code.
 */
export async function writeAudit<A extends AuditAction>(tx: Tx, entry: AuditEntry<A>): Promise<void> {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  assertAuditData(entry.action, data);
  return appendAuditRow(tx, { ...entry, data });
}
