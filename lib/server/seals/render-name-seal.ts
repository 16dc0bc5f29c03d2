import * as fontkit from "fontkit";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { loadCjkFont } from "@/lib/pdf/cjk-font";

type Glyph = { path: { toSVG(): string }; advanceWidth: number };
type Font = { unitsPerEm: number; ascent: number; descent: number; glyphsForString(text: string): Glyph[] };

let fontPromise: Promise<Font> | undefined;
function font(): Promise<Font> {
  fontPromise ??= loadCjkFont().then((bytes) => (fontkit.create as unknown as (b: Buffer) => Font)(Buffer.from(bytes)));
  fontPromise.catch(() => (fontPromise = undefined));
  return fontPromise;
}

/** One character's outline as an SVG path, fitted into the box (x, y, w, h) in pixels. */
function glyphInBox(f: Font, ch: string, x: number, y: number, w: number, h: number): string {
  const glyph = f.glyphsForString(ch)[0];
  if (!glyph) return "";
  const em = f.unitsPerEm;
  const s = Math.min(w, h) / em;
  // Font units have y up from the baseline; a CJK glyph fills its em square (baseline ~0.12 em above the bottom).
  const tx = x + (w - em * s) / 2;
  const ty = y + (h - em * s) / 2 + em * 0.88 * s;
  return `<path transform="translate(${tx.toFixed(2)} ${ty.toFixed(2)}) scale(${s.toFixed(5)} ${(-s).toFixed(5)})" d="${glyph.path.toSVG()}"/>`;
}

/**
 * 生成个人印章: the holder's name in the standard private-seal styles, drawn from the glyph outlines of the
 * embedded CJK font (Noto Sans SC, the font the PDFs use) and rasterised by sharp. `square`: a square frame,
 * the name plus 印 / 之印 read top-to-bottom, right column first (a 2 × 2 grid); `round`: a circle with the
 * name across. A transparent PNG in seal red, handed to the same processing as an upload.
 */
export async function renderNameSeal({ name, style }: { name: string; style: "square" | "round" }): Promise<Uint8Array> {
  const chars = Array.from(name.replace(/\s+/g, ""));
  if (chars.length < 2 || chars.length > 4 || !chars.every((c) => /\p{Script=Han}|·/u.test(c))) {
    throw new AppError("validation_failed", { userMessage: "seals.errors.nameForSeal" });
  }
  const f = await font();
  const size = 600;
  const red = "rgb(230,0,18)";
  let body: string;
  if (style === "square") {
    const cells = chars.length === 2 ? [...chars, "之", "印"] : chars.length === 3 ? [...chars, "印"] : chars;
    // Right column: cells 0, 1 top to bottom; left column: cells 2, 3.
    const pad = 60, cell = (size - 2 * pad) / 2;
    const place = [
      [pad + cell, pad],
      [pad + cell, pad + cell],
      [pad, pad],
      [pad, pad + cell],
    ] as const;
    body =
      `<rect x="22" y="22" width="${size - 44}" height="${size - 44}" fill="none" stroke="${red}" stroke-width="36"/>` +
      `<g fill="${red}">${cells.map((c, i) => glyphInBox(f, c, place[i]![0] + 4, place[i]![1] + 4, cell - 8, cell - 8)).join("")}</g>`;
  } else {
    const inner = size * 0.62, w = inner / chars.length;
    body =
      `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 2 - 24}" fill="none" stroke="${red}" stroke-width="30"/>` +
      `<g fill="${red}">${chars.map((c, i) => glyphInBox(f, c, (size - inner) / 2 + i * w, size / 2 - w * 0.75, w, w * 1.5)).join("")}</g>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${body}</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
