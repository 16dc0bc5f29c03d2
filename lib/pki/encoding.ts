// Byte/hex/bigint helpers shared by lib/pki. Thin wrappers over noble so that the whole PKI code
// agrees on one set (Uint8Array everywhere, never Buffer: this also runs in the browser).
import {
  bytesToHex as nobleBytesToHex,
  bytesToNumberBE,
  concatBytes as nobleConcatBytes,
  equalBytes as nobleEqualBytes,
  hexToBytes as nobleHexToBytes,
  numberToBytesBE,
} from "@noble/curves/utils.js";

export function bytesToHex(bytes: Uint8Array): string {
  return nobleBytesToHex(bytes);
}

export function hexToBytes(hex: string): Uint8Array {
  return nobleHexToBytes(hex);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return nobleConcatBytes(...parts);
}

/** Constant-time for equal lengths: used to compare MACs and hashes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return nobleEqualBytes(a, b);
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytesToNumberBE(bytes);
}

export function bigIntToBytes(n: bigint, length = 32): Uint8Array {
  return numberToBytesBE(n, length);
}

export function utf8ToBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Accepts the string-or-bytes form that IDs and messages come in at the API edge. */
export function toBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === "string" ? utf8ToBytes(value) : value;
}
