import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { isLegacyPinVerifier, openPinSecret, pinMatches, sealPinSecret, upgradedPinVerifier } from "@/lib/server/keys/pin-secret";
import { recordPinFailure } from "@/lib/server/keys/record-pin-failure";

type Row = { id: string; status: "ACTIVE" | "LOCKED" | "DESTROYED"; pinFailures: number; pinVerifier: string | null };

/**
 * The PIN check of a key share in the caller's transaction: the group's rows are locked in id order
 * (concurrent guesses cannot slip past the limit, two checks cannot deadlock), a right PIN gives W
 * and clears the count, a wrong one is counted for the whole group and the fifth locks it
 * (recordPinFailure). The caller commits the transaction whatever the outcome (a failure must
 * count) and answers a failure with pinFailureError after the commit.
 */
export async function checkPinIn(tx: Tx, { userId, keyShareId, pin, shareIds, ip }: { userId: string; keyShareId: string; pin: string; shareIds: string[]; ip?: string }) {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT id, status, "pinFailures", "pinVerifier" FROM "KeyShare"
    WHERE id = ANY(${shareIds}) ORDER BY id FOR NO KEY UPDATE`;
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
}
