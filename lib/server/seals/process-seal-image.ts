import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { readImageSize } from "@/lib/server/materials/image-size";
import { sniffContent } from "@/lib/server/materials/sniff-content";
import { takeTurns } from "@/lib/server/materials/take-turns";

/** Uploads larger than this are refused before decoding (a phone photo of a stamp is 2–6 MB). */
export const MAX_SEAL_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 16_384;
/** The mark is found on a copy at most this many pixels on its longer side (thresholds are tuned to it). */
const WORK_SIDE = 1200;
/** Pure seal red (印泥红) and signature ink. */
export const SEAL_RED = { r: 230, g: 0, b: 18 };
const INK_DARK = { r: 20, g: 20, b: 28 };
/** Below this share of the working image no mark is there (a blank page, a photo of the table). */
const MIN_COVERAGE = 0.002;
/** Above this share the photo is not of a mark on white paper. */
const MAX_COVERAGE = 0.6;
/**
 * Edge sharpness: the strongest ink edges' gradient (98th percentile of the central difference at the
 * mark's boundary) over the ink's contrast against the paper. Measured on the generated stamp photo of the
 * tests at the working size: Gaussian blur σ 0 → 0.40, σ 2 → 0.23, σ 4 → 0.155, σ 6 → 0.126, σ 12 → 0.09;
 * 0.15 lets a slightly soft phone photo through and refuses a mark smeared over more than ~4 px.
 */
export const MIN_SHARPNESS = 0.15;
/**
 * Deskew: the mark is turned upright when its tightest (minimum-area) rectangle is clearly tighter than its
 * upright bounding box — at most this share of the box's area — and tilted by at least MIN_SKEW_DEG. A round
 * seal's tightest rectangle is the same square at every angle (ratio ≈ 1), so it is never turned. Measured
 * on the tests' generated photos: a rectangular 法人章 tilted ±12° → ratio 0.70 (tilt read as 12.02° / −12.01°,
 * the output's frame level to 0.00°), an upright one and the round stamp 1.000.
 */
const MAX_SKEW_AREA_RATIO = 0.9;
const MIN_SKEW_DEG = 1;
const decodeInTurn = takeTurns(2);

export type SealInk = "red" | "dark";
export type SealShape = "square" | "wide";

export interface ProcessedSealImage {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The share of the working image that is ink, and the edge sharpness measured (for the reviewer). */
  coverage: number;
  sharpness: number;
  /** Degrees the photo was turned to put the mark upright (positive: clockwise; 0 when not deskewed). */
  rotatedDeg: number;
}

function refuse(userMessage: string, params?: Record<string, number>): never {
  throw new AppError("validation_failed", { userMessage, params, fields: { file: [userMessage] } });
}

/**
 * Turns a photo or scan of a stamp (red ink) or a signature (dark ink) on white paper into a clean PNG:
 * content checked by magic bytes and structure, decoded under a pixel limit, the ink found by colour
 * (red: R well above G and B; dark: well below the paper's brightness), isolated specks dropped, the
 * paper made fully transparent (alpha 0 wherever there is no ink), cropped to the mark, recoloured to
 * one ink colour with the ink's strength as alpha, and sized: 400 px square for seals (`square`, centred),
 * 600 px wide for signatures (`wide`). An empty or blurred mark is refused with the reason. Before the
 * crop, a mark photographed at an angle is turned upright (`estimateSkew`: the minimum-area rectangle of the
 * ink, rotated with sharp) when that rectangle is clearly tighter than the upright box — a rectangular or
 * square 法人章 / 个人印章; a round seal has no orientation to recover and is left as it is, and signatures
 * (dark ink) are never turned (see below).
 */
export async function processSealImage({ bytes, ink, shape }: { bytes: Uint8Array; ink: SealInk; shape: SealShape }): Promise<ProcessedSealImage> {
  if (bytes.byteLength === 0) refuse("seals.errors.fileEmpty");
  if (bytes.byteLength > MAX_SEAL_UPLOAD_BYTES) refuse("seals.errors.fileTooLarge", { maxMb: MAX_SEAL_UPLOAD_BYTES / 1024 / 1024 });
  const type = sniffContent(bytes);
  if (!type || type.mime === "application/pdf") refuse("seals.errors.notImage");
  const size = readImageSize(bytes, type.mime);
  if (!size || size.width === 0 || size.height === 0) refuse("seals.errors.imageBroken");
  if (size.width > MAX_SIDE || size.height > MAX_SIDE || size.width * size.height > MAX_PIXELS) refuse("seals.errors.imageTooLarge");
  const work = await decodeInTurn(() =>
    sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error", autoOrient: true, animated: false })
      .timeout({ seconds: 20 })
      .flatten({ background: "#ffffff" })
      .resize({ width: WORK_SIDE, height: WORK_SIDE, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ).catch(() => refuse("seals.errors.imageBroken"));
  let found = findInk(work.data, work.info.width, work.info.height, ink);
  // Deskew (stamps): turn the working copy by the mark's tilt (paper-white corners) and find the ink again.
  // Signatures are not turned: a line written rising on purpose and a photo taken at an angle look the same,
  // and a wavy signature's tightest rectangle is tilted even when it was written level (measured: the tests'
  // level signature gives −8°); a signature drawn on the pad is upright by construction.
  const skew = ink === "red" ? estimateSkew(found.mask, found.width, found.height) : { angleDeg: 0, areaRatio: 1 };
  let rotatedDeg = 0;
  if (ink === "red" && skew.areaRatio <= MAX_SKEW_AREA_RATIO && Math.abs(skew.angleDeg) >= MIN_SKEW_DEG) {
    rotatedDeg = -skew.angleDeg;
    const turned = await sharp(work.data, { raw: { width: work.info.width, height: work.info.height, channels: 3 } })
      .rotate(rotatedDeg, { background: "#ffffff" })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    found = findInk(turned.data, turned.info.width, turned.info.height, ink);
  }
  const { width, height, signal, paper, threshold, mask } = found;
  const n = width * height;
  let count = 0;
  let minX = width, minY = height, maxX = -1, maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const coverage = count / n;
  if (coverage < MIN_COVERAGE || maxX - minX < 24 || maxY - minY < 12) refuse(ink === "red" ? "seals.errors.noRedInk" : "seals.errors.noDarkInk");
  if (coverage > MAX_COVERAGE) refuse("seals.errors.notOnPaper");

  // Contrast: the ink's typical strength over the paper's; sharpness: the steepest boundary gradients over it.
  const inkLevel = percentileWhere(signal, mask, 1, 0.5);
  const contrast = Math.max(1, inkLevel - paper);
  const gradients: number[] = [];
  for (let y = Math.max(1, minY); y <= Math.min(height - 2, maxY); y++) {
    for (let x = Math.max(1, minX); x <= Math.min(width - 2, maxX); x++) {
      const i = y * width + x;
      // Boundary pixels: ink next to paper (in either direction).
      if (mask[i] === mask[i + 1] && mask[i] === mask[i - 1] && mask[i] === mask[i + width] && mask[i] === mask[i - width]) continue;
      const gx = (signal[i + 1]! - signal[i - 1]!) / 2;
      const gy = (signal[i + width]! - signal[i - width]!) / 2;
      gradients.push(Math.hypot(gx, gy));
    }
  }
  gradients.sort((a, b) => a - b);
  const sharpness = gradients.length ? gradients[Math.floor(gradients.length * 0.98)]! / contrast : 0;
  if (sharpness < MIN_SHARPNESS) refuse("seals.errors.blurry", { sharpness: Math.round(sharpness * 100) });

  // Crop with a small margin; alpha from the ink's strength inside the mask, 0 everywhere else.
  const margin = Math.round(Math.max(maxX - minX, maxY - minY) * 0.03) + 2;
  const cx0 = Math.max(0, minX - margin), cy0 = Math.max(0, minY - margin);
  const cx1 = Math.min(width - 1, maxX + margin), cy1 = Math.min(height - 1, maxY + margin);
  const cw = cx1 - cx0 + 1, ch = cy1 - cy0 + 1;
  const colour = ink === "red" ? SEAL_RED : INK_DARK;
  const out = Buffer.alloc(cw * ch * 4);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const i = (cy0 + y) * width + (cx0 + x);
      const o = (y * cw + x) * 4;
      out[o] = colour.r;
      out[o + 1] = colour.g;
      out[o + 2] = colour.b;
      out[o + 3] = mask[i] ? Math.round(255 * clamp(0.55 + (0.45 * (signal[i]! - threshold)) / Math.max(1, inkLevel - threshold), 0.55, 1)) : 0;
    }
  }
  const cropped = sharp(out, { raw: { width: cw, height: ch, channels: 4 } });
  const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
  const sized =
    shape === "square"
      ? cropped.resize({ width: 400, height: 400, fit: "contain", background: transparent, kernel: "lanczos3" })
      : cropped.resize({ width: 600, height: 300, fit: "contain", background: transparent, kernel: "lanczos3" });
  const png = await sized.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
  // Resampling blends edges: settle them to exactly transparent or exactly the ink colour.
  const finished = await settleAlpha(png.data, colour);
  return { png: finished.png, widthPx: finished.width, heightPx: finished.height, coverage, sharpness, rotatedDeg };
}

/** The ink of a working copy: its strength per pixel, the paper's level, the threshold and the mask (specks dropped). */
function findInk(rgb: Buffer, width: number, height: number, ink: SealInk) {
  const n = width * height;
  // Ink strength per pixel (0–255) in the channel that separates this ink from paper.
  const signal = new Float32Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    const r = rgb[p]!, g = rgb[p + 1]!, b = rgb[p + 2]!;
    signal[i] = ink === "red" ? r - Math.max(g, b) : 255 - (0.299 * r + 0.587 * g + 0.114 * b);
  }
  const paper = percentile(signal, 0.5);
  // Red: at least 45 above the paper's redness and a red channel that is not dark brown; dark: 40% darker than paper.
  const threshold = ink === "red" ? paper + 45 : paper + Math.max(60, (255 - paper) * 0.4);
  const raw = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    if (signal[i]! > threshold && (ink === "dark" || rgb[p]! > 90)) raw[i] = 1;
  }
  return { width, height, signal, paper, threshold, mask: dropSpecks(raw, width, height) };
}

/**
 * The tilt of a mark (mask of ink pixels, row-major): the minimum-area rectangle around its convex hull
 * (rotating calipers over the hull's edges). `angleDeg` is the rectangle's rotation folded into (−45°, 45°]
 * (positive: the mark is turned clockwise on screen, y pointing down); `areaRatio` the rectangle's area over
 * the upright bounding box's (1 for an upright or a round mark, smaller the more a rectangular mark is tilted).
 */
export function estimateSkew(mask: Uint8Array, width: number, height: number): { angleDeg: number; areaRatio: number } {
  // The hull of the ink: each row's leftmost and rightmost ink pixel (pixel corners, so a 1 px row has width).
  const points: Array<[number, number]> = [];
  for (let y = 0; y < height; y++) {
    let left = -1, right = -1;
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (left < 0) left = x;
      right = x;
    }
    if (left < 0) continue;
    points.push([left, y], [left, y + 1], [right + 1, y], [right + 1, y + 1]);
  }
  const hull = convexHull(points);
  if (hull.length < 3) return { angleDeg: 0, areaRatio: 1 };
  const box = (cos: number, sin: number) => {
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const [x, y] of hull) {
      const u = x * cos + y * sin, v = -x * sin + y * cos;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    return (maxU - minU) * (maxV - minV);
  };
  const upright = box(1, 0);
  let best = { area: upright, angle: 0 };
  for (let i = 0; i < hull.length; i++) {
    const [x0, y0] = hull[i]!, [x1, y1] = hull[(i + 1) % hull.length]!;
    const angle = Math.atan2(y1 - y0, x1 - x0);
    const area = box(Math.cos(angle), Math.sin(angle));
    if (area < best.area - 1e-9) best = { area, angle };
  }
  // A rectangle at φ is the same at φ ± 90°: fold into (−45°, 45°].
  let deg = (best.angle * 180) / Math.PI;
  deg = ((((deg + 45) % 90) + 90) % 90) - 45;
  if (deg === -45) deg = 45;
  return { angleDeg: deg, areaRatio: upright > 0 ? best.area / upright : 1 };
}

/** Andrew's monotone chain: the convex hull of integer points, counter-clockwise, without collinear points. */
function convexHull(points: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Array<[number, number]> = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** After resampling: faint alpha (< 16) becomes 0, every visible pixel exactly the ink colour, transparent ones black. */
async function settleAlpha(pngBytes: Buffer, colour: { r: number; g: number; b: number }): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(pngBytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let o = 0; o < data.length; o += 4) {
    const visible = data[o + 3]! >= 16;
    data[o] = visible ? colour.r : 0;
    data[o + 1] = visible ? colour.g : 0;
    data[o + 2] = visible ? colour.b : 0;
    if (!visible) data[o + 3] = 0;
  }
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).png({ compressionLevel: 9 }).toBuffer();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: info.width, height: info.height };
}

/** Drops ink pixels with fewer than 3 ink neighbours (paper noise, dust), twice. */
function dropSpecks(mask: Uint8Array, width: number, height: number): Uint8Array {
  let current = mask;
  for (let pass = 0; pass < 2; pass++) {
    const next = new Uint8Array(current.length);
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        if (!current[i]) continue;
        const neighbours =
          current[i - width - 1]! + current[i - width]! + current[i - width + 1]! + current[i - 1]! + current[i + 1]! + current[i + width - 1]! + current[i + width]! + current[i + width + 1]!;
        if (neighbours >= 3) next[i] = 1;
      }
    }
    current = next;
  }
  return current;
}

function percentile(values: Float32Array, q: number): number {
  // A histogram over the 511 possible integer levels (−255..255) is exact enough and O(n).
  const hist = new Uint32Array(511);
  for (const v of values) hist[Math.round(v) + 255]!++;
  return fromHistogram(hist, values.length, q);
}

function percentileWhere(values: Float32Array, mask: Uint8Array, want: number, q: number): number {
  const hist = new Uint32Array(511);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask[i] !== want) continue;
    hist[Math.round(values[i]!) + 255]!++;
    total++;
  }
  return fromHistogram(hist, total, q);
}

function fromHistogram(hist: Uint32Array, total: number, q: number): number {
  let seen = 0;
  const target = total * q;
  for (let level = 0; level < hist.length; level++) {
    seen += hist[level]!;
    if (seen >= target) return level - 255;
  }
  return 255;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
