// Uploads are judged by what they contain, never by their name or the browser's Content-Type:
// a renamed executable must not reach a reviewer's screen as "license.jpg". Each accepted type is
// recognised by its magic bytes AND a walk over its structure, so a file that merely starts with
// the right bytes (a polyglot, a truncated upload) is refused too.

export type SniffedType = { mime: "image/jpeg" | "image/png" | "application/pdf"; ext: "jpg" | "png" | "pdf" };

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/** JPEG: SOI, then marker segments whose lengths stay inside the file, a frame header, and a scan. */
function isJpeg(b: Uint8Array): boolean {
  if (b.length < 128 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false;
  let i = 2;
  let sawFrame = false;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return false;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2 || i + 2 + len > b.length) return false;
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) sawFrame = true;
    if (marker === 0xda) return sawFrame; // start of scan: entropy-coded data follows
    i += 2 + len;
  }
  return false;
}

/** PNG: signature, IHDR first (13 bytes, sane size), chunks chained to IEND inside the file. */
function isPng(b: Uint8Array): boolean {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 57 || sig.some((v, i) => b[i] !== v)) return false;
  if (u32(b, 8) !== 13 || ascii(b, 12, 16) !== "IHDR") return false;
  const width = u32(b, 16);
  const height = u32(b, 20);
  // Sizes up to the format's 2^31-1 are well-formed; what the desk accepts is readImageSize's call.
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return false;
  let i = 8;
  let sawData = false;
  while (i + 12 <= b.length) {
    const len = u32(b, i);
    const type = ascii(b, i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || i + 12 + len > b.length) return false;
    if (type === "IDAT") sawData = true;
    if (type === "IEND") return sawData;
    i += 12 + len;
  }
  return false;
}

/** PDF: header at the start, and a cross-reference pointer and %%EOF near the end. */
function isPdf(b: Uint8Array): boolean {
  if (b.length < 64 || !/^%PDF-[12]\.\d/.test(ascii(b, 0, 8))) return false;
  const tail = ascii(b, Math.max(0, b.length - 2048), b.length);
  return tail.includes("%%EOF") && tail.includes("startxref");
}

export function sniffContent(bytes: Uint8Array): SniffedType | null {
  if (isJpeg(bytes)) return { mime: "image/jpeg", ext: "jpg" };
  if (isPng(bytes)) return { mime: "image/png", ext: "png" };
  if (isPdf(bytes)) return { mime: "application/pdf", ext: "pdf" };
  return null;
}
