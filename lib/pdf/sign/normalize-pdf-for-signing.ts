import { PDFDocument } from "pdf-lib";

/**
 * An unsigned upload, rewritten once by pdf-lib with a classic cross-reference table (no object or
 * xref streams), so every signature after it is a plain incremental update. A PDF that already
 * carries a signature is returned unchanged: rewriting it would break that signature.
 */
export async function normalizePdfForSigning(pdf: Uint8Array): Promise<Uint8Array> {
  if (/\/ByteRange\s*\[/.test(new TextDecoder("latin1").decode(pdf))) return pdf;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.save({ useObjectStreams: false });
}
