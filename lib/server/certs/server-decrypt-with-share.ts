import { serverDecrypt, type TDecryptResponse } from "@/lib/pki/two-party";
import { db } from "@/lib/server/db/client";
import { ZServerDecryptWithShareSchema, type TServerDecryptWithShare } from "./key-share.types";
import { openKeyShare } from "./open-key-share";
import { parseInput } from "./parse-input";
import { twoPartyCall } from "./two-party-call";

/**
 * Server half of two-party decryption (T2 = d2^-1·T1) with a stored share. The server never sees
 * C2 or C3, so it learns nothing of the plaintext; the nonce is recorded as for signing.
 */
export async function serverDecryptWithShare(input: TServerDecryptWithShare): Promise<TDecryptResponse> {
  const { userId, keyShareId, request } = parseInput(ZServerDecryptWithShareSchema, input);
  return db.$transaction(async (tx) => {
    const d2 = await openKeyShare(tx, { userId, keyShareId, message: request });
    try {
      return twoPartyCall(() => serverDecrypt({ d2, request }).response);
    } finally {
      d2.fill(0);
    }
  });
}
