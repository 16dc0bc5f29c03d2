import { writeContents, type ByteRange } from "./pdf-byte-range";

/**
 * Puts the detached CMS the holder's phone made over the prepared revision's digest into its
 * /Contents. Nothing else changes, so the /ByteRange bytes (and the digest) stay as signed.
 */
export function embedPdfSignature({ pdf, byteRange, cms }: { pdf: Uint8Array; byteRange: ByteRange; cms: Uint8Array }): Uint8Array {
  return writeContents(pdf, { contentsStart: byteRange[1], contentsEnd: byteRange[2], cms });
}
