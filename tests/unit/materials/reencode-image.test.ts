import { readFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import QRCode from "qrcode";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readImageSize } from "@/lib/server/materials/image-size";
import { reencodeImage } from "@/lib/server/materials/reencode-image";
import { sniffContent } from "@/lib/server/materials/sniff-content";

const photo = new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../fixtures", "sample-photo.jpg")));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("validation_failed");
  return err as AppError;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A well-formed PNG that declares width×height and carries a few bytes of (deflated) rows: 40-odd bytes claiming gigabytes. */
function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", new Uint8Array(0))]));
}

/** The sample photo with its frame header rewritten to claim width×height. */
function jpegClaiming(width: number, height: number): Uint8Array {
  const b = Buffer.from(photo);
  for (let i = 2; i < b.length; ) {
    const marker = b[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) {
      b.writeUInt16BE(height, i + 5);
      b.writeUInt16BE(width, i + 7);
      return new Uint8Array(b);
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  throw new Error("no SOF");
}

describe("reencodeImage", () => {
  it("refuses a 20000×20000 PNG header and a 65535×65535 JPEG header before decoding, with the size in the message", async () => {
    const png = pngHeader(20_000, 20_000);
    const jpeg = jpegClaiming(65_535, 65_535);
    expect(sniffContent(png)?.mime).toBe("image/png");
    expect(sniffContent(jpeg)?.mime).toBe("image/jpeg");
    expect(readImageSize(png, "image/png")).toEqual({ width: 20_000, height: 20_000 });
    expect(readImageSize(jpeg, "image/jpeg")).toEqual({ width: 65_535, height: 65_535 });
    const before = process.memoryUsage();
    // Twenty at once: each is refused from its header, none allocates its pixels (1.6 GB / 17 GB).
    const errors = await Promise.all(Array.from({ length: 20 }, (_, i) => refusal(reencodeImage(i % 2 ? { bytes: png, mime: "image/png" } : { bytes: jpeg, mime: "image/jpeg" }))));
    const after = process.memoryUsage();
    for (const err of errors) expect(err.fields).toEqual({ file: ["materials.errors.imageTooLarge"] });
    expect(errors[1]!.params).toEqual({ width: 20_000, height: 20_000 });
    expect(errors[0]!.params).toEqual({ width: 65_535, height: 65_535 });
    expect(after.rss - before.rss).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses one long side and too many pixels, accepts what is inside both limits", async () => {
    expect((await refusal(reencodeImage({ bytes: pngHeader(16_385, 10), mime: "image/png" }))).userMessage).toBe("materials.errors.imageTooLarge");
    expect((await refusal(reencodeImage({ bytes: pngHeader(8000, 5001), mime: "image/png" }))).userMessage).toBe("materials.errors.imageTooLarge");
    // 8000×5000 = 40 MP is allowed by size; this one's rows are missing, so decoding fails cleanly.
    expect((await refusal(reencodeImage({ bytes: pngHeader(8000, 5000), mime: "image/png" }))).userMessage).toBe("materials.errors.imageBroken");
  });

  it("re-encodes a JPEG with EXIF GPS data: same size, still a JPEG, no EXIF, ICC or XMP left", async () => {
    const tagged = await sharp(photo)
      .withExif({
        IFD0: { Make: "CertDesk Phone", Model: "X1", Software: "camera 1.0" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 2700/100", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 2900/100" },
      })
      .jpeg({ quality: 95 })
      .toBuffer();
    const inMeta = await sharp(tagged).metadata();
    expect(inMeta.exif && Buffer.from(inMeta.exif).toString("latin1")).toContain("CertDesk Phone");
    const out = await reencodeImage({ bytes: new Uint8Array(tagged), mime: "image/jpeg" });
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: inMeta.width, height: inMeta.height });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(Buffer.from(out.bytes).toString("latin1")).not.toContain("CertDesk Phone");
    expect(sniffContent(out.bytes)?.mime).toBe("image/jpeg");
    expect(await sharp(out.bytes).stats()).toBeTruthy(); // decodes fully
  });

  it("turns an EXIF-rotated photo upright before dropping the tag", async () => {
    const rotated = await sharp(photo).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const out = await reencodeImage({ bytes: new Uint8Array(rotated), mime: "image/jpeg" });
    const meta = await sharp(out.bytes).metadata();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([60, 96]); // the 96×60 sample, turned a quarter
  });

  it("keeps a PNG a PNG, lossless, without its text chunks or trailing bytes", async () => {
    const qr = await QRCode.toBuffer("https://certdesk.example/licence");
    const withText = await sharp(qr).png().withMetadata().toBuffer();
    const polyglot = new Uint8Array(Buffer.concat([withText, Buffer.from("<script>alert(1)</script>")]));
    const out = await reencodeImage({ bytes: polyglot, mime: "image/png" });
    expect(await sharp(out.bytes).metadata()).toMatchObject({ format: "png" });
    expect(Buffer.from(out.bytes).toString("latin1")).not.toContain("<script>");
    const a = await sharp(qr).ensureAlpha().raw().toBuffer();
    const b = await sharp(out.bytes).ensureAlpha().raw().toBuffer();
    expect(b.equals(a)).toBe(true);
  });

  it("refuses an image whose data is damaged", async () => {
    // Headers intact (so it sniffs as a JPEG), the upload cut off a few bytes into the scan.
    // (Recoverable glitches that phones write, reported by the decoder as warnings, are let through.)
    const sos = Buffer.from(photo).indexOf(Buffer.from([0xff, 0xda]));
    const damaged = photo.slice(0, sos + 30);
    expect(sniffContent(damaged)?.mime).toBe("image/jpeg");
    expect((await refusal(reencodeImage({ bytes: damaged, mime: "image/jpeg" }))).userMessage).toBe("materials.errors.imageBroken");
  });
});
