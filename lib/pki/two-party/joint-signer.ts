// The two-party key behind the same Sm2Signer interface as a local key. The round trip is a
// callback so the same code runs in-process (tests, CLI) and over HTTP (the phone app).
import type { Sm2Signer } from "../signer";
import { startSign, finishSign } from "./sign";
import type { TSignRequest, TSignResponse } from "./sign.types";

export type SignRoundTrip = (request: TSignRequest) => Promise<TSignResponse>;

export function jointSigner(input: {
  keyId: string;
  d1: Uint8Array;
  publicKey: Uint8Array;
  roundTrip: SignRoundTrip;
}): Sm2Signer {
  const d1 = Uint8Array.from(input.d1);
  const publicKey = Uint8Array.from(input.publicKey);
  return {
    publicKey,
    async sign(data) {
      const { e, k1, request } = startSign({ keyId: input.keyId, message: data, publicKey });
      const response = await input.roundTrip(request);
      return finishSign({ d1, k1, e, publicKey, request, response });
    },
  };
}
