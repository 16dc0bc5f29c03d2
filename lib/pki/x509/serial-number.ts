import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";

/**
 * A fresh certificate serial: 16 bytes from the CSPRNG (CA/B Forum and RFC 5280 want at least
 * 64 unpredictable bits). The top bit is cleared so the INTEGER is positive, and the next bit set so
 * the DER encoding is always exactly 16 bytes with no leading zero octet: 126 random bits remain.
 */
export function generateSerialNumber(): { bytes: Uint8Array; hex: string } {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[0] = (bytes[0] & 0x7f) | 0x40;
  return { bytes, hex: bytesToHex(bytes) };
}

/**
 * The DER INTEGER content for a serial given as hex: leading zero octets dropped, one added back
 * when the top bit is set so the number stays positive.
 */
export function serialHexToIntegerBytes(hex: string): Uint8Array {
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  let bytes = hexToBytes(even.toLowerCase());
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes[0] & 0x80) {
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    return padded;
  }
  return bytes;
}

/** Canonical lower-case hex of a serial's INTEGER content, without a sign-padding zero octet. */
export function integerBytesToSerialHex(bytes: Uint8Array): string {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytesToHex(bytes.subarray(start));
}
