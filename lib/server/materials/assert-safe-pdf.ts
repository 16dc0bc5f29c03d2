import { AppError } from "@/lib/errors";
import { decodePdfName } from "./pdf-syntax";
import { readPdfStructure } from "./read-pdf-structure";
import { PDF_ACTIVE_NAMES, PdfScanError, scanPdfActiveContent } from "./scan-pdf-active-content";

function refuse(userMessage: string): never {
  throw new AppError("validation_failed", { userMessage, fields: { file: [userMessage] } });
}

/**
 * A PDF reaches a reviewer only if it can do nothing but show pages: no script, no automatic or
 * event actions, no launching or fetching, no embedded files, no XFA; not encrypted (an encrypted
 * file's streams cannot be checked); and it must parse. Two independent readers look at it: our
 * own scan of the bytes and of the unpacked object streams, then pdf-lib's parse of every object.
 */
export async function assertSafePdf(bytes: Uint8Array): Promise<void> {
  let scan;
  try {
    scan = scanPdfActiveContent(bytes);
  } catch (err) {
    if (err instanceof PdfScanError) refuse(err.kind === "broken" ? "materials.errors.pdfBroken" : "materials.errors.pdfUnsupported");
    throw err;
  }
  if (scan.encrypted) refuse("materials.errors.pdfEncrypted");
  if (scan.active.length > 0) refuse("materials.errors.pdfActive");

  const structure = await readPdfStructure(bytes);
  if (!structure.ok) {
    refuse(structure.reason === "encrypted" ? "materials.errors.pdfEncrypted" : structure.reason === "limits" ? "materials.errors.pdfUnsupported" : "materials.errors.pdfBroken");
  }
  const names = new Set(structure.names.map(decodePdfName));
  if (names.has("Encrypt")) refuse("materials.errors.pdfEncrypted");
  const active = [...PDF_ACTIVE_NAMES].some((n) => (n === "OpenAction" ? structure.openActions > structure.openAtPage : names.has(n)));
  if (active) refuse("materials.errors.pdfActive");
}
