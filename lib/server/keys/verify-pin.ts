import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { isLegacyPinVerifier, openPinSecret, pinMatches, sealPinSecret, upgradedPinVerifier } from "@/lib/server/keys/pin-secret";
import { pinFailureError, recordPinFailure } from "@/lib/server/keys/record-pin-failure";


type Row = { id: string; status: "ACTIVE" | "LOCKED" | "DESTROYED"; pinFailures: number; pinVerifier: string | null };

/**
 * Checks the PIN of a key share and returns its wrapping key W. A wrong PIN costs one of five
 * tries for the whole key group; the fifth locks it until the holder re-verifies their identity.
 * Runs in its own transaction (never the caller's): a failure must count even if the signature
 * that follows fails. The group's rows are locked in id order, so concurrent guesses cannot
 * slip past the limit and two requests cannot deadlock.
 */
export async function verifyPin({
  userId,
  keyShareId,
  pin,
  ip,
  group,
}: {
  userId: string;
  keyShareId: string;
  pin: string;
  ip?: string;
  /** The share's group, when the caller has just read it (findKeyGroup for this user and share). */
  group?: { shareIds: string[] };
}) {
  const { shareIds } = group ?? (await findKeyGroup({ userId, keyShareId }));
  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, status, "pinFailures", "pinVerifier" FROM "KeyShare"
      WHERE id = ANY(${shareIds}) ORDER BY id FOR UPDATE`;
    const row = rows.find((r) => r.id === keyShareId);
    if (!row || row.status === "DESTROYED") throw new AppError("not_found");
    if (row.status === "LOCKED" || rows.some((r) => r.status === "LOCKED")) throw new AppError("locked", { userMessage: "phone.errors.keyLocked" });
    if (!row.pinVerifier) throw new AppError("conflict", { userMessage: "phone.errors.noPin" });
    const secret = openPinSecret(row.id, row.pinVerifier);
    if (await pinMatches(secret, pin)) {
      if (rows.some((r) => r.pinFailures > 0)) await tx.keyShare.updateMany({ where: { id: { in: shareIds } }, data: { pinFailures: 0 } });
      // An argon2id verifier of before (pin-secret.ts) becomes the current form, under the row lock.
      if (isLegacyPinVerifier(secret.verifier)) {
        await tx.keyShare.update({ where: { id: row.id }, data: { pinVerifier: sealPinSecret(row.id, { ...secret, verifier: upgradedPinVerifier(pin) }) } });
      }
      return { ok: true as const, wrapKey: secret.wrapKey };
    }
    return recordPinFailure(tx, { rows, shareIds, userId, keyShareId, ip });
  });
  if (outcome.ok) return { wrapKey: outcome.wrapKey, shareIds };
  throw pinFailureError(outcome);
}
