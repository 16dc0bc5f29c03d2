import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import { byteRangeBytes, type ByteRange } from "./pdf-byte-range";
import { SES_SEAL_KEY } from "./prepare-pdf-seal-signature";

export type PdfSignatureProblem = "byte_range_malformed" | "contents_outside_gap" | "revision_not_at_eof";

export type PdfSignatureRead = {
  fieldName: string;
  page: number | null;
  rect: number[] | null;
  subFilter: string | null;
  byteRange: ByteRange | null;
  /** The CMS from /Contents without its zero padding (as its DER length says). */
  cms: Uint8Array;
  sesSeal: Uint8Array | null;
  /** The bytes the signature covers (null when the range is unusable). */
  signedBytes: Uint8Array | null;
  /** Where the signed revision ends; equal to the file length for the last signature. */
  revisionEnd: number | null;
  coversWholeFile: boolean;
  problems: PdfSignatureProblem[];
};

/** A DER value's full length from its header (0 when it is not one). */
function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== 0x30) return 0;
  const first = bytes[1];
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n < 1 || n > 3 || bytes.length < 2 + n) return 0;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i];
  return 2 + n + len;
}

const text = (o: unknown) => (o instanceof PDFHexString || o instanceof PDFString ? o.decodeText() : "");

/**
 * Every signature field of a PDF with its /ByteRange checked against the bytes: starts at 0, the gap
 * is exactly the `<hex>` of /Contents, and the range ends at the end of a revision (the file for the
 * last signature; an earlier one's revision is a prefix that later increments only append to).
 * Cryptographic checks are the caller's (verifySignedPdf).
 */
export async function readPdfSignatures(pdf: Uint8Array): Promise<PdfSignatureRead[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  const pages = doc.getPages().map((p) => p.ref.tag);
  const out: PdfSignatureRead[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("FT")) !== PDFName.of("Sig")) continue;
    const value = object.lookup(PDFName.of("V"));
    if (!(value instanceof PDFDict)) continue;
    const contentsObj = value.get(PDFName.of("Contents"));
    const raw = contentsObj instanceof PDFHexString ? contentsObj.asBytes() : new Uint8Array();
    const cms = raw.subarray(0, derLength(raw) || raw.length);
    const rangeObj = value.lookup(PDFName.of("ByteRange"));
    const numbers = rangeObj instanceof PDFArray ? rangeObj.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [];
    const problems: PdfSignatureProblem[] = [];
    let byteRange: ByteRange | null = null;
    if (numbers.length === 4 && numbers.every((n) => Number.isSafeInteger(n) && n >= 0) && numbers[0] === 0 && numbers[1] < numbers[2] && numbers[2] + numbers[3] <= pdf.length) {
      byteRange = numbers as ByteRange;
    } else problems.push("byte_range_malformed");
    let revisionEnd: number | null = null;
    if (byteRange) {
      const [, a, b, c] = byteRange;
      revisionEnd = b + c;
      // The one gap must be the /Contents string itself, hex digits only, and hold this CMS.
      const gap = new TextDecoder("latin1").decode(pdf.subarray(a, b));
      const hex = Buffer.from(raw).toString("hex");
      if (!/^<[0-9A-Fa-f]*>$/.test(gap) || gap.slice(1, -1).toLowerCase() !== hex) problems.push("contents_outside_gap");
      // An earlier signature's range must end where its revision ends, so what follows is only appended.
      const end = new TextDecoder("latin1").decode(pdf.subarray(Math.max(0, revisionEnd - 8), revisionEnd));
      if (!/%%EOF\s*$/.test(end)) problems.push("revision_not_at_eof");
    }
    const pageRef = object.get(PDFName.of("P"));
    const rect = object.lookup(PDFName.of("Rect"));
    const sesSeal = object.get(PDFName.of(SES_SEAL_KEY));
    const subFilter = value.get(PDFName.of("SubFilter"));
    out.push({
      fieldName: text(object.get(PDFName.of("T"))),
      page: pageRef instanceof PDFRef ? pages.indexOf(pageRef.tag) : null,
      rect: rect instanceof PDFArray ? rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) : null,
      subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : null,
      byteRange,
      cms,
      sesSeal: sesSeal instanceof PDFHexString ? sesSeal.asBytes() : null,
      signedBytes: byteRange && !problems.includes("contents_outside_gap") ? byteRangeBytes(pdf, byteRange) : null,
      revisionEnd,
      coversWholeFile: revisionEnd === pdf.length,
      problems,
    });
  }
  // In file order: the first signature first.
  return out.sort((x, y) => (x.revisionEnd ?? 0) - (y.revisionEnd ?? 0));
}
