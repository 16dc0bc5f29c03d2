import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { readImageSize } from "./image-size";
import { takeTurns } from "./take-turns";

/** Largest image decoded: 40 megapixels (a 48 MP phone's binned photo is 12 MP; an A4 scan at 600 dpi 35 MP). */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 16_384;
/** A re-encoded image larger than this is refused (a 10 MB upload does not legitimately grow past it). */
const MAX_OUTPUT_BYTES = 24 * 1024 * 1024;
/** Decodes at once per process: each may hold up to 40 MP × 4 bytes; a burst queues. */
const inTurn = takeTurns(2);

export type ImageMime = "image/jpeg" | "image/png";

function refuse(userMessage: string, params?: Record<string, number>): never {
  throw new AppError("validation_failed", { userMessage, params, fields: { file: [userMessage] } });
}

/**
 * Decodes an uploaded photo or scan under limits and encodes it again, so what a reviewer's
 * browser opens is pixels this server wrote: no EXIF (GPS position, device serials), no comments or
 * trailing bytes (polyglots), no ICC or XMP payloads. The header's declared size is checked before
 * anything is decoded, and the decoder enforces the same pixel limit itself.
 * JPEG stays JPEG (quality 85); PNG stays PNG (lossless: licences and screenshots are text).
 * The EXIF orientation is applied to the pixels before it is dropped, so photos stay upright.
 */
export async function reencodeImage({ bytes, mime }: { bytes: Uint8Array; mime: ImageMime }): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const size = readImageSize(bytes, mime);
  if (!size || size.width === 0 || size.height === 0) refuse("materials.errors.imageBroken");
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    refuse("materials.errors.imageTooLarge", { width: size.width, height: size.height });
  }
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error", autoOrient: true, animated: false }).timeout({ seconds: 20 });
  const encoded = mime === "image/jpeg" ? image.jpeg({ quality: 85 }) : image.png({ compressionLevel: 6 });
  const out = await inTurn(() => encoded.toBuffer({ resolveWithObject: true })).catch((err: unknown) => {
    if (/pixel limit/i.test(String(err))) refuse("materials.errors.imageTooLarge", { width: size.width, height: size.height });
    refuse("materials.errors.imageBroken");
  });
  if (out.data.byteLength > MAX_OUTPUT_BYTES) refuse("materials.errors.imageTooLarge", { width: out.info.width, height: out.info.height });
  return { bytes: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength), width: out.info.width, height: out.info.height };
}
