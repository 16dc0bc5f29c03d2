import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from "pdf-lib";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from "@signpdf/utils";
import { bytesToHex } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { byteRangeBytes, fixByteRange, type ByteRange } from "./pdf-byte-range";
import { snapshotPdfObjects, writeIncrementalUpdate } from "./pdf-incremental-update";

/** Room for the CMS in /Contents, in bytes (the SM2 CMS with its certificate is about 1.3 KB). */
export const PDF_SIGNATURE_BYTES = 8192;
/** The widget key that carries the seal's SES_Seal structure (DER), inside the signed range. */
export const SES_SEAL_KEY = "CertDesk_SESSeal";
const MM = 72 / 25.4;

export type SealPlacement = {
  /** 0-based page index. */
  page: number;
  /** Centre of the seal as fractions of the page's width and height, from the top left (as clicked on the rendered page). */
  x: number;
  y: number;
};

export type PreparedPdfSignature = { pdf: Uint8Array; byteRange: ByteRange; digestHex: string; rect: [number, number, number, number] };

/**
 * One signature revision: the seal picture drawn on the chosen page at the chosen spot, and a
 * signature field (widget over the picture, /Sig dictionary with /ByteRange and an empty /Contents)
 * added by @signpdf/placeholder-pdf-lib, all appended as ONE incremental update so that earlier
 * signatures keep verifying. Returns the PDF with its /ByteRange filled in and the SM3 digest of
 * the covered bytes: the digest the holder's phone signs (a detached CMS), later written into
 * /Contents by embedPdfSignature.
 */
export async function preparePdfSealSignature({
  pdf,
  sealPng,
  sealWidthMm,
  sesSeal,
  placement,
  fieldName,
  signerName,
  reason,
  signingTime = new Date(),
}: {
  pdf: Uint8Array;
  sealPng: Uint8Array;
  sealWidthMm: number;
  sesSeal?: Uint8Array;
  placement: SealPlacement;
  fieldName: string;
  signerName: string;
  reason: string;
  signingTime?: Date;
}): Promise<PreparedPdfSignature> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const snapshot = snapshotPdfObjects(doc);
  if (!Number.isInteger(placement.page) || placement.page < 0 || placement.page >= doc.getPageCount()) throw new Error("pdf: no such page");
  const page = doc.getPage(placement.page);
  const box = page.getMediaBox();
  const image = await doc.embedPng(sealPng);
  const width = Math.min(sealWidthMm * MM, box.width, box.height);
  const height = (width * image.height) / image.width;
  // Centred on the click, kept inside the page.
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const left = clamp(box.x + placement.x * box.width - width / 2, box.x, box.x + box.width - width);
  const bottom = clamp(box.y + (1 - placement.y) * box.height - height / 2, box.y, box.y + box.height - height);
  const rect: [number, number, number, number] = [left, bottom, left + width, bottom + height].map((n) => Math.round(n * 100) / 100) as [number, number, number, number];
  page.drawImage(image, { x: rect[0], y: rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1] });

  pdflibAddPlaceholder({
    pdfPage: page,
    // The library writes these as literal strings: ASCII only; the signer's name in full is in the CMS.
    reason,
    contactInfo: "",
    name: signerName,
    location: "",
    signingTime,
    signatureLength: PDF_SIGNATURE_BYTES * 2,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    widgetRect: rect,
    appName: "CertDesk",
  });
  // The library names every field "Signature1"; a second signature needs its own name.
  const annots = page.node.lookup(PDFName.of("Annots"), PDFArray);
  const widgetRef = annots.get(annots.size() - 1) as PDFRef;
  const widget = doc.context.lookup(widgetRef, PDFDict);
  widget.set(PDFName.of("T"), PDFHexString.fromText(fieldName));
  if (sesSeal) widget.set(PDFName.of(SES_SEAL_KEY), PDFHexString.of(bytesToHex(sesSeal)));

  await doc.flush();
  const appended = writeIncrementalUpdate({ original: pdf, doc, snapshot });
  const fixed = fixByteRange(appended);
  return { pdf: fixed.pdf, byteRange: fixed.byteRange, digestHex: bytesToHex(sm3(byteRangeBytes(fixed.pdf, fixed.byteRange))), rect };
}
