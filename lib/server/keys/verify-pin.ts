import { db } from "@/lib/db/client";
import { checkPinIn } from "@/lib/server/keys/check-pin-in";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { pinFailureError } from "@/lib/server/keys/record-pin-failure";

/**
 * Checks the PIN of a key share and returns its wrapping key W. A wrong PIN costs one of five
 * tries for the whole key group; the fifth locks it until the holder re-verifies their identity.
 * Runs in its own transaction (never the caller's): a failure must count even if the signature
 * that follows fails. (A server half gated by the PIN checks it in the half's own transaction
 * instead: runServerHalf's `gate`, with checkPinIn.)
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
  const outcome = await db.$transaction((tx) => checkPinIn(tx, { userId, keyShareId, pin, shareIds, ip }));
  if (outcome.ok) return { wrapKey: outcome.wrapKey, shareIds };
  throw pinFailureError(outcome);
}
