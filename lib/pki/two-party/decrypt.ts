// Two-party SM2 decryption: (x2, y2) = d·C1 = (d1·d2)^-1·C1 − C1, built from T1 = d1^-1·C1 and
// T2 = d2^-1·T1 without either side holding d.
import { PkiError } from "../errors";
import { type Sm2Ciphertext, parseCiphertext } from "../sm2-ciphertext";
import { pointFromBytes } from "../sm2-curve";
import { recoverPlaintext } from "../sm2-encrypt";
import { type TDecryptRequest, type TDecryptResponse, ZDecryptRequestSchema, ZDecryptResponseSchema } from "./decrypt.types";
import { TWO_PARTY_VERSION } from "./message.types";
import {
  assertAnswers,
  blindedInverse,
  hexToPoint,
  newNonce,
  parseMessage,
  pointToHex,
  shareToScalar,
} from "./two-party-math";

/** Phone: accepts DER or C1C3C2, checks C1 is on the curve, sends T1 = d1^-1·C1. */
export function startDecrypt(input: {
  keyId: string;
  d1: Uint8Array;
  ciphertext: Uint8Array;
}): Sm2Ciphertext & { request: TDecryptRequest } {
  const { C1, C2, C3 } = parseCiphertext(input.ciphertext);
  const d1 = shareToScalar(input.d1);
  const request: TDecryptRequest = {
    v: TWO_PARTY_VERSION,
    kind: "decrypt-request",
    keyId: input.keyId,
    nonce: newNonce(),
    T1: pointToHex(pointFromBytes(C1).multiply(blindedInverse(d1))),
  };
  return { C1, C2, C3, request: parseMessage(ZDecryptRequestSchema, request) };
}

/** Server: T2 = d2^-1·T1, after checking T1 is a curve point. */
export function serverDecrypt(input: { d2: Uint8Array; request: TDecryptRequest }): {
  nonce: string;
  response: TDecryptResponse;
} {
  const req = parseMessage(ZDecryptRequestSchema, input.request);
  const d2 = shareToScalar(input.d2);
  const T1 = hexToPoint(req.T1, "T1");
  return {
    nonce: req.nonce,
    response: {
      v: TWO_PARTY_VERSION,
      kind: "decrypt-response",
      keyId: req.keyId,
      nonce: req.nonce,
      T2: pointToHex(T1.multiply(blindedInverse(d2))),
    },
  };
}

/** Phone: (x2, y2) = T2 − C1, then KDF and the C3 check; throws PkiError("decrypt_failed"). */
export function finishDecrypt(input: Sm2Ciphertext & { request: TDecryptRequest; response: TDecryptResponse }): Uint8Array {
  const res = parseMessage(ZDecryptResponseSchema, input.response);
  assertAnswers(input.request, res);
  const T2 = hexToPoint(res.T2, "T2");
  const shared = T2.subtract(pointFromBytes(input.C1));
  if (shared.is0()) throw new PkiError("decrypt_failed", "SM2 decryption failed");
  return recoverPlaintext(shared, input.C2, input.C3);
}
