import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { ZDecryptWithPinSchema } from "@/lib/server/keys/keys.types";
import { runDecryptHalf } from "@/lib/server/keys/run-decrypt-half";
import { checkPinIn } from "@/lib/server/keys/check-pin-in";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { pinFailureError } from "@/lib/server/keys/record-pin-failure";

/** Decryption halves per key share: a holder opening bids by hand stays far below this. */
export const DECRYPT_LIMITS = [
  { seconds: 60, max: 10 },
  { seconds: 86_400, max: 200 },
];

/**
 * A two-party decryption gated by the PIN. The phone needs d1 before it can even build the request
 * (T1 = d1^-1·C1), so it first fetches W with releaseWrapKey; this second call checks the PIN again
 * before the server half runs, so W alone never buys a decryption. Each attempt takes a hit of the
 * share's decryption limit first (atomic, before the PIN and the half); each half is audited.
 */
export async function decryptWithPin({
  userId,
  keyShareId,
  input,
  ip,
  route = "POST /api/m/keys/:keyShareId/decrypt",
  scanRequestId,
  record,
}: {
  userId: string;
  keyShareId: string;
  input: unknown;
  ip?: string;
  route?: string;
  scanRequestId?: string;
  record?: (tx: Tx) => Promise<void>;
}) {
  const { pin, request } = ZDecryptWithPinSchema.parse(input);
  // Keyed by caller too, so nobody can use up a holder's decryptions by naming their key share.
  await consumeRateLimit(db, `key-decrypt:${userId}:${keyShareId}`, DECRYPT_LIMITS);
  const { shareIds } = await findKeyGroup({ userId, keyShareId });
  // The PIN is checked in the half's transaction (a wrong one counted and committed without a half).
  const gate = async (tx: Tx) => {
    const checked = await checkPinIn(tx, { userId, keyShareId, pin, shareIds, ip });
    return checked.ok ? null : pinFailureError(checked);
  };
  return { response: await runDecryptHalf({ userId, keyShareId, request, route, scanRequestId, ip, record, gate }) };
}
