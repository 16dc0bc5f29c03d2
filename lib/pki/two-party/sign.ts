// Two-party signing (Su & Tian): the result is an ordinary SM2 signature under the joint key.
import { bytesToHex } from "../encoding";
import { PkiError } from "../errors";
import { SM2_N, modN, randomScalar, scalarToBytes, sm2Point, type Sm2Point } from "../sm2-curve";
import { sm2Digest } from "../sm2-digest";
import { encodeSignatureDer } from "../sm2-signature-der";
import { verifyDigest } from "../sm2";
import { multiplyX } from "../sm2-multiplier";
import { TWO_PARTY_VERSION } from "./message.types";
import { type TSignRequest, type TSignResponse, ZSignRequestSchema, ZSignResponseSchema } from "./sign.types";
import {
  assertAnswers,
  hexToPoint,
  hexToScalar,
  newNonce,
  parseMessage,
  pointToHex,
  scalarToHex,
  shareToScalar,
} from "./two-party-math";

/** Phone: e = SM3(Z || message) and Q1 = k1·G. Keep k1 for finishSign and never reuse it. */
export function startSign(input: {
  keyId: string;
  message: Uint8Array;
  publicKey: Uint8Array;
  id?: Uint8Array | string;
}): { e: Uint8Array; k1: Uint8Array; request: TSignRequest } {
  const e = sm2Digest(input.message, input.publicKey, input.id);
  const k1 = randomScalar();
  const request: TSignRequest = {
    v: TWO_PARTY_VERSION,
    kind: "sign-request",
    keyId: input.keyId,
    nonce: newNonce(),
    e: bytesToHex(e),
    Q1: pointToHex(sm2Point.BASE.multiply(k1)),
  };
  return { e, k1: scalarToBytes(k1), request: parseMessage(ZSignRequestSchema, request) };
}

/**
 * x1 of R = k3·Q1 + k2·G for k2 = k3·j: R = k3·(Q1 + j·G), one fixed-base multiplication (G's
 * table) and one variable-base multiplication, of which only the x-coordinate is needed, so a
 * server hands it to OpenSSL (multiplyX). Null when Q1 + j·G is infinity (then so is R).
 */
export function jointSignatureX({ Q1, k3, j }: { Q1: Sm2Point; k3: bigint; j: bigint }): bigint | null {
  const W = Q1.add(sm2Point.BASE.multiply(j));
  return W.is0() ? null : multiplyX(k3, W);
}

/**
 * Server: R = k3·Q1 + k2·G with fresh k2, k3; r = (e + x1) mod n; s2 = d2·k3, s3 = d2·(r + k2).
 * The caller must have refused a `nonce` it has seen before. This is the hot path of the signing
 * service: k3 and j are fresh, k2 = k3·j (uniform and independent of k3, never 0 as n is prime),
 * R = k3·(Q1 + j·G) (jointSignatureX), and Q1 is decoded and checked exactly once.
 */
export function serverSign(input: { d2: Uint8Array; request: TSignRequest }): { nonce: string; response: TSignResponse } {
  const req = parseMessage(ZSignRequestSchema, input.request);
  const d2 = shareToScalar(input.d2);
  const e = hexToScalar(req.e);
  const Q1 = hexToPoint(req.Q1, "Q1");
  for (;;) {
    const k3 = randomScalar();
    const j = randomScalar();
    const k2 = modN(k3 * j);
    const x1 = jointSignatureX({ Q1, k3, j });
    if (x1 === null) continue;
    const r = modN(e + x1);
    if (r === 0n) continue;
    return {
      nonce: req.nonce,
      response: {
        v: TWO_PARTY_VERSION,
        kind: "sign-response",
        keyId: req.keyId,
        nonce: req.nonce,
        r: scalarToHex(r),
        s2: scalarToHex(modN(d2 * k3)),
        s3: scalarToHex(modN(d2 * (r + k2))),
      },
    };
  }
}

/**
 * Phone: s = d1·k1·s2 + d1·s3 − r. The signature is verified against the joint public key before
 * it is released, so a faulty or malicious server cannot make the phone publish a bad signature.
 */
export function finishSign(input: {
  d1: Uint8Array;
  k1: Uint8Array;
  e: Uint8Array;
  publicKey: Uint8Array;
  request: TSignRequest;
  response: TSignResponse;
}): Uint8Array {
  const res = parseMessage(ZSignResponseSchema, input.response);
  assertAnswers(input.request, res);
  const d1 = shareToScalar(input.d1);
  const k1 = shareToScalar(input.k1);
  const r = hexToScalar(res.r);
  const s2 = hexToScalar(res.s2);
  const s3 = hexToScalar(res.s3);
  // s2 = d2·k3 and s3 = d2·(r + k2) are never 0 for an honest server. A server that sends s2 = 0
  // (k3 = 0) still gets a valid signature s = d1·s3 − r out of the phone, and from it d1 =
  // (s + r)·s3⁻¹: the phone's share. So zero (and anything ≥ n) is refused before any use of d1.
  if (r === 0n || r >= SM2_N || s2 === 0n || s2 >= SM2_N || s3 === 0n || s3 >= SM2_N) {
    throw new PkiError("invalid_signature", "server's signature share is out of range");
  }
  const s = modN(d1 * modN(k1 * s2 + s3) - r);
  if (s === 0n || s === SM2_N - r) throw new PkiError("invalid_signature", "degenerate joint signature");
  const signature = encodeSignatureDer(r, s);
  if (!verifyDigest(signature, input.e, input.publicKey)) {
    throw new PkiError("invalid_signature", "joint signature does not verify");
  }
  return signature;
}
