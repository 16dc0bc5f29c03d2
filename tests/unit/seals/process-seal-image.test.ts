import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { processSealImage, SEAL_RED } from "@/lib/server/seals/process-seal-image";
import { blankPhoto, signaturePhoto, stampPhoto } from "./seal-photos";

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, at: (x: number, y: number) => data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4) };
}

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).userMessage ?? "";
}

describe("processSealImage", () => {
  it("a red stamp photographed on textured, noisy paper → a 400 px square PNG, fully transparent outside the ink, ink in pure seal red", async () => {
    const out = await processSealImage({ bytes: await stampPhoto(), ink: "red", shape: "square" });
    expect([out.widthPx, out.heightPx]).toEqual([400, 400]);
    const img = await pixels(out.png);
    // Corners and the space between the ring and the star are paper: alpha 0.
    for (const [x, y] of [[0, 0], [399, 0], [0, 399], [399, 399], [200, 110], [120, 200]] as const) expect(img.at(x, y)[3], `${x},${y}`).toBe(0);
    // Every pixel is either fully transparent or the seal's red; the ring (at the crop's edge) and the star are ink.
    let opaque = 0, transparent = 0;
    for (let o = 0; o < img.data.length; o += 4) {
      if (img.data[o + 3] === 0) { transparent++; continue; }
      opaque++;
      expect([img.data[o], img.data[o + 1], img.data[o + 2]]).toEqual([SEAL_RED.r, SEAL_RED.g, SEAL_RED.b]);
    }
    expect(img.at(200, 200)[3]).toBeGreaterThan(200);
    expect(opaque / (opaque + transparent)).toBeGreaterThan(0.05);
    expect(transparent / (opaque + transparent)).toBeGreaterThan(0.5);
    expect(out.sharpness).toBeGreaterThan(0.3);
  });

  it("a dark signature → 600 px wide, transparent paper", async () => {
    const out = await processSealImage({ bytes: await signaturePhoto(), ink: "dark", shape: "wide" });
    expect(out.widthPx).toBe(600);
    const img = await pixels(out.png);
    expect(img.at(0, 0)[3]).toBe(0);
    expect(img.at(img.width - 1, img.height - 1)[3]).toBe(0);
  });

  it("refuses a blank page (no red ink) and a signature photo read as a red seal", async () => {
    expect(await refusal(processSealImage({ bytes: await blankPhoto(), ink: "red", shape: "square" }))).toBe("seals.errors.noRedInk");
    expect(await refusal(processSealImage({ bytes: await blankPhoto(), ink: "dark", shape: "wide" }))).toBe("seals.errors.noDarkInk");
    expect(await refusal(processSealImage({ bytes: await signaturePhoto(), ink: "red", shape: "square" }))).toBe("seals.errors.noRedInk");
  });

  it("refuses a heavily blurred stamp as blurry, with the sharpness measured", async () => {
    expect(await refusal(processSealImage({ bytes: await stampPhoto({ blur: 12 }), ink: "red", shape: "square" }))).toBe("seals.errors.blurry");
    expect(await refusal(processSealImage({ bytes: await stampPhoto({ blur: 6 }), ink: "red", shape: "square" }))).toBe("seals.errors.blurry");
    // A slightly soft photo still passes.
    expect((await processSealImage({ bytes: await stampPhoto({ blur: 1.5 }), ink: "red", shape: "square" })).sharpness).toBeGreaterThan(0.15);
  });

  it("refuses what is not an image by its content, an oversized upload and a decompression bomb's header", async () => {
    expect(await refusal(processSealImage({ bytes: new TextEncoder().encode("GIF89a not really"), ink: "red", shape: "square" }))).toBe("seals.errors.notImage");
    expect(await refusal(processSealImage({ bytes: new Uint8Array(11 * 1024 * 1024), ink: "red", shape: "square" }))).toBe("seals.errors.fileTooLarge");
    const huge = await sharp({ create: { width: 20_000, height: 20, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(await refusal(processSealImage({ bytes: huge, ink: "red", shape: "square" }))).toBe("seals.errors.imageTooLarge");
  });
});
