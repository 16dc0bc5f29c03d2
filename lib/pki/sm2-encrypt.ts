// SM2 public-key encryption (GB/T 32918.4-2016): C1 = kG, (x2, y2) = kP, t = KDF(x2 || y2, |M|),
// C2 = M xor t, C3 = SM3(x2 || M || y2). Formats: see sm2-ciphertext.ts.
import { equalBytes } from "./encoding";
import { PkiError } from "./errors";
import {
  type Sm2Point,
  pointFromBytes,
  pointToBytes,
  privateKeyToScalar,
  randomScalar,
  sm2Point,
} from "./sm2-curve";
import { type Sm2Ciphertext, type Sm2CiphertextFormat, encodeCiphertext, parseCiphertext } from "./sm2-ciphertext";
import { sm3 } from "./sm3";

export { encodeCiphertext, parseCiphertext } from "./sm2-ciphertext";
export type { Sm2Ciphertext, Sm2CiphertextFormat } from "./sm2-ciphertext";

/** KDF of GB/T 32918.4 §5.4.3: SM3(Z || ct) blocks with a 32-bit big-endian counter from 1. */
export function sm2Kdf(z: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  const view = new DataView(counter.buffer);
  for (let ct = 1, offset = 0; offset < length; ct++, offset += 32) {
    view.setUint32(0, ct, false);
    const block = sm3.create().update(z).update(counter).digest();
    out.set(block.subarray(0, Math.min(32, length - offset)), offset);
  }
  return out;
}

const isAllZero = (bytes: Uint8Array) => bytes.every((b) => b === 0);

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
  return out;
}

/**
 * The receiver's last step, shared with the two-party decryption: given the shared point
 * (x2, y2) = d·C1, unmask C2 and check C3. One error for every failure, so callers cannot be
 * used as an oracle that tells a bad tag from a bad point.
 */
export function recoverPlaintext(shared: Sm2Point, C2: Uint8Array, C3: Uint8Array): Uint8Array {
  const fail = () => new PkiError("decrypt_failed", "SM2 decryption failed");
  if (shared.is0()) throw fail();
  const xy = pointToBytes(shared).subarray(1);
  const t = sm2Kdf(xy, C2.length);
  if (isAllZero(t)) throw fail();
  const message = xor(C2, t);
  const u = sm3.create().update(xy.subarray(0, 32)).update(message).update(xy.subarray(32)).digest();
  if (!equalBytes(u, C3)) throw fail();
  return message;
}

export function encrypt(
  publicKey: Uint8Array,
  plaintext: Uint8Array,
  opts: { format?: Sm2CiphertextFormat } = {},
): Uint8Array {
  if (plaintext.length === 0) throw new PkiError("invalid_message", "SM2 cannot encrypt an empty message");
  const P = pointFromBytes(publicKey);
  for (;;) {
    const k = randomScalar();
    const C1 = pointToBytes(sm2Point.BASE.multiply(k));
    const xy = pointToBytes(P.multiply(k)).subarray(1);
    const t = sm2Kdf(xy, plaintext.length);
    // All-zero t would leave the plaintext in the clear (§6.1 A5): draw another k.
    if (isAllZero(t)) continue;
    const C2 = xor(plaintext, t);
    const C3 = sm3.create().update(xy.subarray(0, 32)).update(plaintext).update(xy.subarray(32)).digest();
    const parts: Sm2Ciphertext = { C1, C3, C2 };
    return encodeCiphertext(parts, opts.format ?? "der");
  }
}

/** Accepts either format; throws PkiError "invalid_ciphertext" or "decrypt_failed". */
export function decrypt(privateKey: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const d = privateKeyToScalar(privateKey);
  const { C1, C2, C3 } = parseCiphertext(ciphertext);
  return recoverPlaintext(pointFromBytes(C1).multiply(d), C2, C3);
}

/** Re-encodes a ciphertext in the other format, e.g. for SDKs that only speak C1C3C2. */
export function convertCiphertext(ciphertext: Uint8Array, format: Sm2CiphertextFormat): Uint8Array {
  return encodeCiphertext(parseCiphertext(ciphertext), format);
}

