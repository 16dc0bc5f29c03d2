import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { SubjectType } from "@/lib/generated/prisma/enums";
import { keyedHash } from "@/lib/db/keyed-hash";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { LOOKUP_GRANT_SECONDS } from "./lookup-policy";

export function lookupTokenHash(token: string) {
  return keyedHash("lookup-grant", token);
}

/**
 * The grant a passed check gives: a random token for the HttpOnly cookie, only its keyed hash in
 * the row (like sessions), written with its audit row in the caller's transaction.
 */
export async function createLookupGrant(
  tx: Tx,
  { subjectType, subjectKey, channelId, method, ip, now = new Date() }: { subjectType: SubjectType; subjectKey: string; channelId: string; method: "sms" | "phone3" | "bank4" | "legal_rep"; ip?: string; now?: Date },
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LOOKUP_GRANT_SECONDS * 1000);
  const grant = await tx.lookupGrant.create({
    data: { tokenHash: lookupTokenHash(token), subjectType, subjectKey, channelId, method: method.toUpperCase(), ip: ip ?? null, createdAt: now, expiresAt },
    select: { id: true },
  });
  await writeAudit(tx, { action: "auth.lookup_granted", targetType: "LookupGrant", targetId: grant.id, data: { method, subjectType }, ip });
  return { token, expiresAt };
}
