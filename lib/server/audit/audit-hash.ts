import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/**
 * Where chain `chain` starts: chain 0 (every row written while there was one chain) at GENESIS_HASH,
 * any other at SHA-256("certdesk-audit-chain:<n>"), so two chains never hold the same hash even when
 * their first rows have the same content (the hash column is unique). The migration seeds the same.
 */
export function chainGenesis(chain: number): string {
  return chain === 0 ? GENESIS_HASH : createHash("sha256").update(`certdesk-audit-chain:${chain}`).digest("hex");
}

export type AuditFields = {
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data: unknown;
  ip: string | null;
};

// Canonical JSON (sorted keys) so the hash does not depend on property order after a round trip.
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** The hashed fields of a row as one canonical string (a row read back also carries id, chain, prevHash and hash). */
export function auditBody(f: AuditFields): string {
  return canonical({
    at: f.at.toISOString(),
    actorId: f.actorId,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    data: f.data,
    ip: f.ip,
  });
}

/**
 * hash = SHA-256(prevHash "\n" body) in hex. The append computes the same in PostgreSQL
 * (append-audit-row.ts: sha256 of the UTF-8 bytes), this is the verifier's side.
 */
export function auditHash(prevHash: string, f: AuditFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(auditBody(f)).digest("hex");
}
