// Variable-base multiplication on the SM2 curve through OpenSSL (node:crypto's ECDH on the curve
// "SM2"): x(k·Q), all the server half of a joint signature needs of k3·(Q1 + j·G). OpenSSL does it
// about two and a half times faster than noble's constant-time multiplication on this machine
// (bench: `npm run bench -- primitives`), with a constant-time ladder, and checks that Q is on the
// curve. Server code only (node:crypto): installNativeSm2() makes multiplyX (sm2-multiplier.ts)
// use it; the browser keeps the JavaScript one. Equality with noble and OpenSSL's signatures is
// tested in tests/unit/pki/sm2-native-mul.test.ts.
import { createECDH, type ECDH } from "node:crypto";
import { bytesToBigInt } from "./encoding";
import { SM2_N, pointToBytes, scalarToBytes, type Sm2Point } from "./sm2-curve";
import { installMultiplyX } from "./sm2-multiplier";

let ecdh: ECDH | null | undefined;

function nativeEcdh(): ECDH | null {
  if (ecdh === undefined) {
    try {
      ecdh = createECDH("SM2");
    } catch {
      ecdh = null; // an OpenSSL without SM2: multiplyX stays on JavaScript
    }
  }
  return ecdh;
}

/** x(k·Q) by OpenSSL, for 1 ≤ k < n and Q a point of the curve other than infinity. */
export function nativeMultiplyX(k: bigint, Q: Sm2Point): bigint {
  const native = nativeEcdh();
  if (!native) throw new Error("this OpenSSL has no SM2 curve");
  if (k <= 0n || k >= SM2_N) throw new RangeError("scalar out of range");
  native.setPrivateKey(scalarToBytes(k));
  return bytesToBigInt(native.computeSecret(pointToBytes(Q)));
}

/** Makes multiplyX use OpenSSL in this process when its OpenSSL has SM2; returns whether it does. */
export function installNativeSm2(): boolean {
  if (!nativeEcdh()) return false;
  installMultiplyX({ name: "openssl", multiplyX: nativeMultiplyX });
  return true;
}
