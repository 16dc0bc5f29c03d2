import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, type PDFPage } from "pdf-lib";
import sharp from "sharp";
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
  /** 0-based page index (for a seal across the edges: the page whose slice carries the signature widget). */
  page: number;
  /** Centre of the seal as fractions of the page's width and height, from the top left (as clicked on the rendered page). */
  x: number;
  y: number;
  /**
   * 骑缝章: the seal split into as many vertical slices as the document has pages, slice i on the right edge
   * of page i (left to right, as a stamp pressed across the fanned edges of the stacked pages), centred at
   * `y`; `x` is not used. One signature covers them all.
   */
  acrossEdges?: boolean;
};

/** A seal across the edges needs at least this many pages, and slices no thinner than this many picture pixels. */
export const ACROSS_EDGES_MIN_PAGES = 2;
const MIN_SLICE_PX = 8;

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
  const rect = placement.acrossEdges
    ? await drawAcrossEdges({ doc, sealPng, sealWidthMm, y: placement.y, widgetPage: placement.page })
    : await drawSeal({ doc, page, sealPng, sealWidthMm, x: placement.x, y: placement.y });

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

type Rect = [number, number, number, number];
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
const round2 = (r: number[]) => r.map((n) => Math.round(n * 100) / 100) as Rect;

/** The whole seal centred on the click, kept inside the page; returns its rectangle (the widget's). */
async function drawSeal({ doc, page, sealPng, sealWidthMm, x, y }: { doc: PDFDocument; page: PDFPage; sealPng: Uint8Array; sealWidthMm: number; x: number; y: number }): Promise<Rect> {
  const box = page.getMediaBox();
  const image = await doc.embedPng(sealPng);
  const width = Math.min(sealWidthMm * MM, box.width, box.height);
  const height = (width * image.height) / image.width;
  const left = clamp(box.x + x * box.width - width / 2, box.x, box.x + box.width - width);
  const bottom = clamp(box.y + (1 - y) * box.height - height / 2, box.y, box.y + box.height - height);
  const rect = round2([left, bottom, left + width, bottom + height]);
  page.drawImage(image, { x: rect[0], y: rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1] });
  return rect;
}

/**
 * 骑缝章: slice i of N (N = pages, cut with sharp from the seal PNG, left to right) drawn flush with the right
 * edge of page i at the seal's printed size (each slice 1/N of its width), vertically centred at `y`. Returns
 * the rectangle of the widget page's slice.
 */
async function drawAcrossEdges({ doc, sealPng, sealWidthMm, y, widgetPage }: { doc: PDFDocument; sealPng: Uint8Array; sealWidthMm: number; y: number; widgetPage: number }): Promise<Rect> {
  const pages = doc.getPages();
  const meta = await sharp(sealPng).metadata();
  const pxWidth = meta.width ?? 0, pxHeight = meta.height ?? 0;
  if (pages.length < ACROSS_EDGES_MIN_PAGES) throw new Error("pdf: a seal across the edges needs at least two pages");
  if (pxWidth / pages.length < MIN_SLICE_PX) throw new Error("pdf: too many pages for one seal across the edges");
  let widgetRect: Rect | null = null;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const box = page.getMediaBox();
    const left = Math.round((i * pxWidth) / pages.length), right = Math.round(((i + 1) * pxWidth) / pages.length);
    const slice = await sharp(sealPng).extract({ left, top: 0, width: right - left, height: pxHeight }).png().toBuffer();
    const image = await doc.embedPng(slice);
    const fullWidth = Math.min(sealWidthMm * MM, box.width, box.height);
    const height = (fullWidth * pxHeight) / pxWidth;
    const width = (fullWidth * (right - left)) / pxWidth;
    const bottom = clamp(box.y + (1 - y) * box.height - height / 2, box.y, box.y + box.height - height);
    const rect = round2([box.x + box.width - width, bottom, box.x + box.width, bottom + height]);
    page.drawImage(image, { x: rect[0], y: rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1] });
    if (i === widgetPage) widgetRect = rect;
  }
  return widgetRect!;
}
