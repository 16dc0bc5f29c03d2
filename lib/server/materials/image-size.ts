import type { SniffedType } from "./sniff-content";

// The pixel size an image's header declares, read without decoding anything: a 40-byte PNG can
// claim 20000×20000 (1.6 GB of RGBA) and a JPEG frame header 65535×65535.

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/** PNG: IHDR is the first chunk (sniffContent checked it), width and height at bytes 16 and 20. */
function pngSize(b: Uint8Array) {
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** JPEG: the first frame header (SOF0–SOF15 except DHT, JPG, DAC) holds height then width. */
function jpegSize(b: Uint8Array) {
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16(b, i + 7), height: u16(b, i + 5) };
    }
    if (marker === 0xda) return null;
    i += 2 + u16(b, i + 2);
  }
  return null;
}

export function readImageSize(bytes: Uint8Array, mime: SniffedType["mime"]): { width: number; height: number } | null {
  if (mime === "image/png") return pngSize(bytes);
  if (mime === "image/jpeg") return jpegSize(bytes);
  return null;
}
