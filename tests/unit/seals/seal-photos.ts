// Generated "photos" of marks on paper for the seal tests (unit and e2e): off-white paper with texture and
// noise, a red round stamp (ring, star, arc of strokes) or a dark signature, optionally blurred.
import sharp from "sharp";

/** A deterministic pseudo-random sequence (the same photo every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function paper(width: number, height: number, seed: number): Promise<Buffer> {
  const rand = rng(seed);
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Warm off-white, a slow shading across the sheet, fibre texture and sensor noise.
      const shade = -18 * (x / width) - 10 * (y / height);
      const fibre = 6 * Math.sin(x * 0.31 + y * 0.07) * Math.sin(y * 0.23);
      const noise = (rand() - 0.5) * 24;
      const o = (y * width + x) * 3;
      px[o] = clamp(238 + shade + fibre + noise);
      px[o + 1] = clamp(232 + shade + fibre + noise);
      px[o + 2] = clamp(220 + shade + fibre + noise);
    }
  }
  return px;
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

const STAMP_SVG = (size: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <g fill="none" stroke="rgb(205,38,48)" stroke-width="${size * 0.035}">
    <circle cx="${size / 2}" cy="${size / 2}" r="${size * 0.44}"/>
  </g>
  <polygon fill="rgb(205,38,48)" points="${star(size / 2, size / 2, size * 0.14, size * 0.055)}"/>
  <g fill="rgb(205,38,48)">${Array.from({ length: 14 }, (_, i) => {
    const a = Math.PI * (0.95 + (i / 13) * 1.1);
    const x = size / 2 + Math.cos(a) * size * 0.32, y = size / 2 + Math.sin(a) * size * 0.32;
    return `<rect x="${x - size * 0.025}" y="${y - size * 0.035}" width="${size * 0.05}" height="${size * 0.07}" transform="rotate(${(a * 180) / Math.PI + 90} ${x} ${y})"/>`;
  }).join("")}</g>
  <rect fill="rgb(205,38,48)" x="${size * 0.3}" y="${size * 0.7}" width="${size * 0.4}" height="${size * 0.05}"/>
</svg>`;

function star(cx: number, cy: number, outer: number, inner: number): string {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? inner : outer;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

const SIGNATURE_SVG = (w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <path d="M ${w * 0.05} ${h * 0.6} C ${w * 0.15} ${h * 0.1}, ${w * 0.25} ${h * 0.9}, ${w * 0.35} ${h * 0.4} S ${w * 0.55} ${h * 0.2}, ${w * 0.6} ${h * 0.6} S ${w * 0.85} ${h * 0.8}, ${w * 0.95} ${h * 0.3}"
        fill="none" stroke="rgb(25,25,40)" stroke-width="${h * 0.06}" stroke-linecap="round"/>
</svg>`;

/** A JPEG photo of a red stamp on white paper (stamp about 55% of the short side), optionally blurred by σ px. */
export async function stampPhoto({ blur = 0, seed = 7, width = 1000, height = 800 }: { blur?: number; seed?: number; width?: number; height?: number } = {}): Promise<Buffer> {
  const size = Math.round(Math.min(width, height) * 0.55);
  let stamp = sharp(Buffer.from(STAMP_SVG(size))).png();
  const stampPng = await stamp.toBuffer();
  let img = sharp(await paper(width, height, seed), { raw: { width, height, channels: 3 } }).composite([{ input: stampPng, left: Math.round(width * 0.3), top: Math.round(height * 0.2), blend: "multiply" }]);
  if (blur > 0) img = sharp(await img.png().toBuffer()).blur(blur);
  return img.jpeg({ quality: 88 }).toBuffer();
}

/** A photo of a dark signature on paper. */
export async function signaturePhoto({ seed = 11 }: { seed?: number } = {}): Promise<Buffer> {
  const width = 900, height = 500;
  const sig = await sharp(Buffer.from(SIGNATURE_SVG(700, 300))).png().toBuffer();
  return sharp(await paper(width, height, seed), { raw: { width, height, channels: 3 } }).composite([{ input: sig, left: 100, top: 100, blend: "multiply" }]).jpeg({ quality: 88 }).toBuffer();
}

/** A blank sheet (texture and noise only). */
export async function blankPhoto({ seed = 3 }: { seed?: number } = {}): Promise<Buffer> {
  return sharp(await paper(1000, 800, seed), { raw: { width: 1000, height: 800, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
}

/**
 * A rectangular 法人章 (a frame 1.6 : 1 around two rows of strokes, like 王法人 / 之印) on the same paper,
 * turned `angleDeg` clockwise on the sheet as a photo taken at an angle would have it.
 */
export async function rectangularStampPhoto({ angleDeg = 0, seed = 5 }: { angleDeg?: number; seed?: number } = {}): Promise<Buffer> {
  const width = 1000, height = 800;
  const w = 440, h = 275, cx = 500, cy = 400, ink = "rgb(205,38,48)";
  const strokes = [0, 1, 2].flatMap((col) =>
    [0, 1].map((row) => `<rect x="${cx - w / 2 + 45 + col * 125}" y="${cy - h / 2 + 40 + row * 105}" width="95" height="${row ? 70 : 80}" fill="none" stroke="${ink}" stroke-width="16"/>`),
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <g transform="rotate(${angleDeg} ${cx} ${cy})">
      <rect x="${cx - w / 2}" y="${cy - h / 2}" width="${w}" height="${h}" fill="none" stroke="${ink}" stroke-width="22"/>
      ${strokes.join("")}
    </g>
  </svg>`;
  const mark = await sharp(Buffer.from(svg)).flatten({ background: "#ffffff" }).png().toBuffer();
  return sharp(await paper(width, height, seed), { raw: { width, height, channels: 3 } }).composite([{ input: mark, blend: "multiply" }]).jpeg({ quality: 88 }).toBuffer();
}
