import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

// Noto Sans SC (SIL OFL) from an npm package, so invoices render Chinese on any machine without a
// system font. pdf-lib subsets it, so a PDF carries only the glyphs it uses (tens of KB, not 10 MB).
// PDF_FONT_PATH overrides it (e.g. a corporate typeface).
const PACKAGED = "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";

let cached: Promise<Uint8Array> | undefined;

export function loadCjkFont(): Promise<Uint8Array> {
  // turbopackIgnore: a path built at run time would make the bundler trace the whole project; the
  // font is read from node_modules where the app runs.
  const file = env().PDF_FONT_PATH || path.join(/*turbopackIgnore: true*/ process.cwd(), PACKAGED);
  cached ??= readFile(/*turbopackIgnore: true*/ file).then((b) => new Uint8Array(b));
  // A failed read must not stick: the next call tries again.
  cached.catch(() => (cached = undefined));
  return cached;
}
