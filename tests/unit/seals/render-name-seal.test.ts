import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderNameSeal } from "@/lib/server/seals/render-name-seal";
import { processSealImage } from "@/lib/server/seals/process-seal-image";

describe("renderNameSeal", () => {
  it("draws the name's glyphs (not empty boxes) in red, square and round, and passes the upload processing", async () => {
    for (const style of ["square", "round"] as const) {
      const png = await renderNameSeal({ name: "张三丰", style });
      writeFileSync(path.join(tmpdir(), `name-seal-${style}.png`), png);
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      let ink = 0;
      for (let o = 3; o < data.length; o += 4) if (data[o]! > 128) ink++;
      // Frame plus four characters: a good share of the square, far from all of it.
      expect(ink / (info.width * info.height), style).toBeGreaterThan(0.12);
      expect(ink / (info.width * info.height), style).toBeLessThan(0.6);
      const processed = await processSealImage({ bytes: png, ink: "red", shape: "square" });
      expect(processed.widthPx).toBe(400);
    }
    // Different names give different pictures (the glyphs are drawn, not a placeholder).
    const a = await sharp(await renderNameSeal({ name: "张三丰", style: "square" })).raw().toBuffer();
    const b = await sharp(await renderNameSeal({ name: "李四光", style: "square" })).raw().toBuffer();
    expect(a.equals(b)).toBe(false);
  });

  it("refuses a name that is not 2–4 Chinese characters", async () => {
    await expect(renderNameSeal({ name: "Bob", style: "square" })).rejects.toMatchObject({ userMessage: "seals.errors.nameForSeal" });
    await expect(renderNameSeal({ name: "欧阳娜娜娜", style: "square" })).rejects.toMatchObject({ userMessage: "seals.errors.nameForSeal" });
  });
});
