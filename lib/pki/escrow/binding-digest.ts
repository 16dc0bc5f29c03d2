import { concatBytes, utf8ToBytes } from "../encoding";
import { sm3 } from "../sm3";

/**
 * SM3 over a domain label and fields, each length-prefixed (4 bytes, big-endian), so no two field
 * lists hash alike ("ab","c" ≠ "a","bc"). What the escrow and recovery ciphertexts carry in front of
 * the share: opening one under another key share's, order's or recovery's name fails.
 */
export function bindingDigest(label: string, fields: string[]): Uint8Array {
  const h = sm3.create();
  for (const part of [label, ...fields]) {
    const bytes = utf8ToBytes(part);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length, false);
    h.update(concatBytes(length, bytes));
  }
  return h.digest();
}
