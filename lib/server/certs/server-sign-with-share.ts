import { serverSign, type TSignResponse } from "@/lib/pki/two-party";
import { db } from "@/lib/server/db/client";
import { ZServerSignWithShareSchema, type TServerSignWithShare } from "./key-share.types";
import { openKeyShare } from "./open-key-share";
import { parseInput } from "./parse-input";
import { twoPartyCall } from "./two-party-call";

/**
 * Server half of a two-party signature with a stored share (the phone app's and scanning's
 * signing step; PIN checks sit in front of this). The nonce is recorded in the same transaction,
 * so the response is only released for a request seen for the first time.
 */
export async function serverSignWithShare(input: TServerSignWithShare): Promise<TSignResponse> {
  const { userId, keyShareId, request } = parseInput(ZServerSignWithShareSchema, input);
  return db.$transaction(async (tx) => {
    const d2 = await openKeyShare(tx, { userId, keyShareId, message: request });
    try {
      return twoPartyCall(() => serverSign({ d2, request }).response);
    } finally {
      d2.fill(0);
    }
  });
}
