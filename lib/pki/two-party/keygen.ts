// Two-party key generation (Su & Tian). The phone holds d1, the server d2; the key that signs is
// d = (d1·d2)^-1 − 1, which no code here ever computes.
import { PkiError } from "../errors";
import { pointToBytes, randomScalar, scalarToBytes, sm2Point } from "../sm2-curve";
import {
  type TKeygenRequest,
  type TKeygenResponse,
  ZKeygenRequestSchema,
  ZKeygenResponseSchema,
} from "./keygen.types";
import { TWO_PARTY_VERSION } from "./message.types";
import {
  assertAnswers,
  blindedInverse,
  hexToPoint,
  newKeyId,
  newNonce,
  parseMessage,
  pointToHex,
  shareToScalar,
} from "./two-party-math";

/** Phone: picks d1 and sends P1 = d1^-1·G. Keep d1 secret; send `request`. */
export function startKeygen(opts: { keyId?: string } = {}): { d1: Uint8Array; request: TKeygenRequest } {
  const d1 = randomScalar();
  const request: TKeygenRequest = {
    v: TWO_PARTY_VERSION,
    kind: "keygen-request",
    keyId: opts.keyId ?? newKeyId(),
    nonce: newNonce(),
    P1: pointToHex(sm2Point.BASE.multiply(blindedInverse(d1))),
  };
  return { d1: scalarToBytes(d1), request: parseMessage(ZKeygenRequestSchema, request) };
}

/**
 * Server: picks d2, returns the joint public key. The caller stores d2 under `keyId`, and `nonce`
 * among used nonces before answering.
 */
export function serverKeygen(request: TKeygenRequest): {
  d2: Uint8Array;
  publicKey: Uint8Array;
  nonce: string;
  response: TKeygenResponse;
} {
  const req = parseMessage(ZKeygenRequestSchema, request);
  const P1 = hexToPoint(req.P1, "P1");
  for (;;) {
    const d2 = randomScalar();
    const d2Inv = blindedInverse(d2);
    const P = P1.multiply(d2Inv).subtract(sm2Point.BASE);
    // P = 0 means d1·d2 = 1, i.e. d = 0: not a key. Another d2 fixes it.
    if (P.is0()) continue;
    const response: TKeygenResponse = {
      v: TWO_PARTY_VERSION,
      kind: "keygen-response",
      keyId: req.keyId,
      nonce: req.nonce,
      P: pointToHex(P),
      P2: pointToHex(sm2Point.BASE.multiply(d2Inv)),
    };
    return { d2: scalarToBytes(d2), publicKey: pointToBytes(P), nonce: req.nonce, response };
  }
}

/** Phone: checks d1^-1·P2 − G == P, i.e. that the server used the P1 we sent; returns P. */
export function finishKeygen(input: {
  d1: Uint8Array;
  request: TKeygenRequest;
  response: TKeygenResponse;
}): Uint8Array {
  const res = parseMessage(ZKeygenResponseSchema, input.response);
  assertAnswers(input.request, res);
  const d1 = shareToScalar(input.d1);
  const P = hexToPoint(res.P, "P");
  const P2 = hexToPoint(res.P2, "P2");
  if (!P2.multiply(blindedInverse(d1)).subtract(sm2Point.BASE).equals(P)) {
    throw new PkiError("invalid_key", "server's key share does not match the joint public key");
  }
  return pointToBytes(P);
}
