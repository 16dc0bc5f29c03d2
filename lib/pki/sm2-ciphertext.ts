// SM2 ciphertext encodings (GB/T 32918.4 / GM/T 0009). Two are accepted:
//   - "der":    SEQUENCE { INTEGER x, INTEGER y, OCTET STRING C3, OCTET STRING C2 }, what OpenSSL
//               (`pkeyutl -encrypt`) and GM/T 0010 envelopes write;
//   - "c1c3c2": raw 04 || x || y || C3 || C2, the GB/T 32918.4-2016 order most Chinese SDKs use.
// The old C1C2C3 order is NOT accepted: it cannot be told apart from C1C3C2 by looking at it.
import { DerReader, DER_TAG, derInteger, derOctetString, derSequence } from "./der";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "./encoding";
import { PkiError } from "./errors";
import { pointFromBytes, sm2Point } from "./sm2-curve";

export type Sm2CiphertextFormat = "der" | "c1c3c2";

export interface Sm2Ciphertext {
  /** 65-byte uncompressed point, checked to be on the curve. */
  C1: Uint8Array;
  /** SM3(x2 || M || y2), 32 bytes. */
  C3: Uint8Array;
  /** M xor KDF(x2 || y2), as long as the plaintext. */
  C2: Uint8Array;
}

function invalid(message: string): never {
  throw new PkiError("invalid_ciphertext", message);
}

function checkedC1(C1: Uint8Array): Uint8Array {
  try {
    pointFromBytes(C1);
  } catch {
    invalid("C1 is not a point on the SM2 curve");
  }
  return C1;
}

export function encodeCiphertext(parts: Sm2Ciphertext, format: Sm2CiphertextFormat = "der"): Uint8Array {
  const { C1, C3, C2 } = parts;
  if (C1.length !== 65 || C1[0] !== 0x04 || C3.length !== 32) invalid("malformed ciphertext parts");
  if (format === "c1c3c2") return concatBytes(C1, C3, C2);
  return derSequence(
    derInteger(bytesToBigInt(C1.subarray(1, 33))),
    derInteger(bytesToBigInt(C1.subarray(33))),
    derOctetString(C3),
    derOctetString(C2),
  );
}

/** Detects the format (DER starts with 0x30, raw with the 0x04 point prefix) and validates C1. */
export function parseCiphertext(ciphertext: Uint8Array): Sm2Ciphertext & { format: Sm2CiphertextFormat } {
  if (!(ciphertext instanceof Uint8Array) || ciphertext.length === 0) invalid("empty ciphertext");
  if (ciphertext[0] === 0x04) {
    if (ciphertext.length <= 97) invalid("ciphertext too short");
    return {
      format: "c1c3c2",
      C1: checkedC1(ciphertext.slice(0, 65)),
      C3: ciphertext.slice(65, 97),
      C2: ciphertext.slice(97),
    };
  }
  if (ciphertext[0] !== 0x30) invalid("unknown ciphertext format");
  let x: bigint, y: bigint, C3: Uint8Array, C2: Uint8Array;
  try {
    const outer = new DerReader(ciphertext);
    const seq = new DerReader(outer.read(DER_TAG.sequence));
    outer.end();
    x = seq.readInteger();
    y = seq.readInteger();
    C3 = seq.read(DER_TAG.octetString).slice();
    C2 = seq.read(DER_TAG.octetString).slice();
    seq.end();
  } catch (error) {
    invalid(`malformed DER ciphertext: ${(error as Error).message}`);
  }
  if (C3.length !== 32 || C2.length === 0) invalid("malformed DER ciphertext");
  const p = sm2Point.Fp.ORDER;
  if (x >= p || y >= p) invalid("C1 coordinates out of range");
  const C1 = checkedC1(concatBytes(Uint8Array.of(0x04), bigIntToBytes(x), bigIntToBytes(y)));
  return { format: "der", C1, C3, C2 };
}
