import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { openSecret } from "@/lib/db/seal";
import { assertFreshNonce } from "@/lib/server/keys/assert-fresh-nonce";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";

/**
 * The common gate of every two-party operation on a stored share, in the caller's transaction:
 * the share must be the caller's (else NOT_FOUND, so ids of other users' shares reveal nothing)
 * and ACTIVE (LOCKED answers `locked`), its certificate valid now (else `gone`), the message must
 * name this share, and its nonce must be
 * recent (its time within the nonce window, so a message older than the UsedNonce rows kept is
 * refused too) and new: it is recorded here (its primary key decides when two copies race: the
 * second waits for the first's commit and then finds it).
 * Returns d2, unsealed.
 */
export async function openKeyShare(
  tx: Tx,
  input: { userId: string; keyShareId: string; message: { keyId: string; nonce: string } },
): Promise<Uint8Array> {
  const now = new Date();
  let isFresh = true;
  try {
    assertFreshNonce(input.message.nonce, now);
  } catch {
    isFresh = false;
  }
  // One statement in the half's transaction: the share, whether a certificate of it is valid now
  // (times as epoch ms: the columns are UTC timestamps without time zone), and the nonce recorded
  // for it (a nonce already there, committed or by a racing call once that commits, is not: a
  // replay). The checks below throw in the order they always had; any throw rolls the nonce back.
  const rows = await tx.$queryRaw<Array<{ id: string; status: "ACTIVE" | "LOCKED" | "DESTROYED"; publicKey: string; wrappedShare: string; hasValidCertificate: boolean; nonceRecorded: boolean }>>`
    WITH s AS (
      SELECT s.id, s.status::text AS status, s."publicKey", s."wrappedShare",
        EXISTS (
          SELECT 1 FROM "Certificate" c, (SELECT to_timestamp(${now.getTime()}::float8 / 1000) AT TIME ZONE 'UTC' AS at) t
          WHERE c."keyShareId" = s.id AND c.status = 'VALID' AND c."notBefore" <= t.at AND c."notAfter" > t.at
        ) AS "hasValidCertificate"
      FROM "KeyShare" s WHERE s.id = ${input.keyShareId} AND s."userId" = ${input.userId}
    ), n AS (
      INSERT INTO "UsedNonce" ("nonce", "keyShareId", "createdAt")
      SELECT ${input.message.nonce}::text, s.id, to_timestamp(${now.getTime()}::float8 / 1000) AT TIME ZONE 'UTC' FROM s
      WHERE s.status = 'ACTIVE' AND s."hasValidCertificate" AND s.id = ${input.message.keyId}::text AND ${isFresh}::boolean
      ON CONFLICT ("nonce") DO NOTHING
      RETURNING "nonce"
    )
    SELECT s.*, EXISTS (SELECT 1 FROM n) AS "nonceRecorded" FROM s`;
  const share = rows[0];
  if (!share || share.status === "DESTROYED") throw new AppError("not_found", { userMessage: "errors.not_found" });
  if (share.status !== "ACTIVE") throw new AppError("locked", { userMessage: "errors.locked" });
  // The server half only works for a certificate that is valid now: a revoked or expired
  // certificate's key signs and decrypts nothing, whatever the phone still holds.
  if (!share.hasValidCertificate) throw new AppError("gone", { userMessage: "errors.certificateNotValid" });
  if (input.message.keyId !== share.id) {
    throw new AppError("validation_failed", { fields: { keyId: ["keyId does not name this key share"] } });
  }
  assertFreshNonce(input.message.nonce, now);
  if (!share.nonceRecorded) throw new AppError("conflict", { userMessage: "replayed" });
  return openSecret(share.wrappedShare, keyShareAad({ userId: input.userId, publicKeyHex: share.publicKey }));
}
