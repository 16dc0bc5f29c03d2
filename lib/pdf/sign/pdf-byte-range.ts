// The signature dictionary's /ByteRange and /Contents, by byte offset. @signpdf/placeholder-pdf-lib
// writes `/ByteRange [ 0 /********** /********** /********** ]` and `/Contents <NUL…>`; the signer
// then fixes the ranges (same length, so no offset moves), hashes everything but the /Contents
// string, and writes the CMS as hex into it.

const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);
const PLACEHOLDER = /\/ByteRange\s*\[\s*0\s+\/\*{10}\s+\/\*{10}\s+\/\*{10}\s*\]/g;

export type ByteRange = [number, number, number, number];

/** The bytes a /ByteRange covers: [a, a+b) and [c, c+d) concatenated. */
export function byteRangeBytes(pdf: Uint8Array, [a, b, c, d]: ByteRange): Uint8Array {
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}

/**
 * Fills in the (only, i.e. last) unfilled /ByteRange placeholder: the range covers the whole file
 * except the `<…>` of the /Contents that follows it. Returns a copy with the ranges written, the
 * range and where the /Contents string is.
 */
export function fixByteRange(pdf: Uint8Array): { pdf: Uint8Array; byteRange: ByteRange; contentsStart: number; contentsEnd: number } {
  const text = latin1(pdf);
  const matches = [...text.matchAll(PLACEHOLDER)];
  if (matches.length !== 1) throw new Error(`pdf: expected one unfilled /ByteRange, found ${matches.length}`);
  const at = matches[0].index!;
  const placeholder = matches[0][0];
  const contentsKey = text.indexOf("/Contents", at);
  const contentsStart = text.indexOf("<", contentsKey);
  const contentsEnd = text.indexOf(">", contentsStart) + 1;
  const dictEnd = text.indexOf("endobj", at);
  if (contentsKey < 0 || contentsStart < 0 || contentsEnd <= 0 || contentsEnd > dictEnd) throw new Error("pdf: no /Contents after the /ByteRange");
  const byteRange: ByteRange = [0, contentsStart, contentsEnd, pdf.length - contentsEnd];
  const written = `/ByteRange [${byteRange.join(" ")}]`;
  if (written.length > placeholder.length) throw new Error("pdf: /ByteRange does not fit its placeholder");
  const out = Uint8Array.from(pdf);
  out.set(Uint8Array.from(written.padEnd(placeholder.length, " "), (ch) => ch.charCodeAt(0)), at);
  return { pdf: out, byteRange, contentsStart, contentsEnd };
}

/** Writes the DER CMS as hex into the /Contents string at [contentsStart, contentsEnd), zero-padded. */
export function writeContents(pdf: Uint8Array, { contentsStart, contentsEnd, cms }: { contentsStart: number; contentsEnd: number; cms: Uint8Array }): Uint8Array {
  if (pdf[contentsStart] !== 0x3c || pdf[contentsEnd - 1] !== 0x3e) throw new Error("pdf: /Contents is not where the /ByteRange says");
  const room = contentsEnd - contentsStart - 2;
  const hex = Buffer.from(cms).toString("hex").toUpperCase();
  if (hex.length > room) throw new Error(`pdf: signature of ${cms.length} bytes does not fit /Contents (${room / 2})`);
  const out = Uint8Array.from(pdf);
  out.set(Uint8Array.from(hex.padEnd(room, "0"), (ch) => ch.charCodeAt(0)), contentsStart + 1);
  return out;
}
