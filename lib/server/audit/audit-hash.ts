import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

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

export function auditHash(prevHash: string, f: AuditFields): string {
  // Only the hashed fields: a row read back also carries id, prevHash and hash.
  const body = canonical({
    at: f.at.toISOString(),
    actorId: f.actorId,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    data: f.data,
    ip: f.ip,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
