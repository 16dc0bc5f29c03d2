import { bytesToHex } from "@/lib/pki/encoding";
import { serverKeygen, type TKeygenResponse } from "@/lib/pki/two-party";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { sealSecret } from "@/lib/db/seal";
import { assertFreshNonce } from "@/lib/server/keys/assert-fresh-nonce";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import { ZCreateKeyShareSchema, type TCreateKeyShare } from "@/lib/server/keys/key-share.types";
import { parseInput } from "@/lib/server/http/parse-input";
import { twoPartyCall } from "@/lib/server/keys/two-party-call";

export interface CreatedKeyShare {
  /** Id of the stored share. The phone sends it as `keyId` in every later sign/decrypt request. */
  keyShareId: string;
  /** Joint public key, hex (uncompressed). */
  publicKey: string;
  /** The message for the phone (its keyId echoes the request's, as finishKeygen checks). */
  response: TKeygenResponse;
}

/**
 * Server half of two-party key generation: picks d2, stores it sealed (bound to the user and the
 * joint key) and records the request nonce, so a replayed keygen request is refused (and one older
 * than the nonce window even after its row was pruned).
 */
export async function createKeyShare(input: TCreateKeyShare): Promise<CreatedKeyShare> {
  const { userId, request } = parseInput(ZCreateKeyShareSchema, input);
  assertFreshNonce(request.nonce);
  const { d2, publicKey, nonce, response } = twoPartyCall(() => serverKeygen(request));
  const publicKeyHex = bytesToHex(publicKey);
  const wrappedShare = sealSecret(d2, keyShareAad({ userId, publicKeyHex }));
  d2.fill(0);
  try {
    const keyShareId = await db.$transaction(async (tx) => {
      const share = await tx.keyShare.create({ data: { userId, publicKey: publicKeyHex, wrappedShare }, select: { id: true } });
      await tx.usedNonce.create({ data: { nonce, keyShareId: share.id } });
      await writeAudit(tx, { actorId: userId, action: "key_share.created", targetType: "KeyShare", targetId: share.id, data: { publicKey: publicKeyHex } });
      return share.id;
    });
    return { keyShareId, publicKey: publicKeyHex, response };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", { userMessage: "replayed", cause: error });
    throw error;
  }
}
