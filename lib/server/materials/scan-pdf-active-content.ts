import { constants, inflateSync } from "node:zlib";
import { PdfSyntaxError, readPdfSyntax, type PdfStream, type PdfValue } from "./pdf-syntax";

/**
 * Names that make a PDF do something when it is opened or clicked: run script (JavaScript, JS),
 * act on open or on page/field events (OpenAction, AA), start programs or open other files
 * (Launch, GoToR, GoToE), carry files (EmbeddedFile(s)), Flash/3D (RichMedia), XML forms that run
 * their own script (XFA), send or load form data (SubmitForm, ImportData).
 */
export const PDF_ACTIVE_NAMES = new Set([
  "JavaScript", "JS", "OpenAction", "AA", "Launch", "GoToR", "GoToE",
  "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData",
]);

/** Inflated bytes read in total per file: a 10 MB upload may not unpack into gigabytes. */
export const PDF_INFLATE_BUDGET = 50 * 1024 * 1024;

export type PdfScan = { active: string[]; encrypted: boolean };

/** Why a file could not be scanned: "broken" (damaged data) or "unsupported" (could hide things we cannot read). */
export class PdfScanError extends Error {
  constructor(readonly kind: "broken" | "unsupported", message: string) {
    super(message);
  }
}

const isName = (v: PdfValue | undefined, ...names: string[]) => v?.t === "name" && names.includes(v.v);

/** An object stream, named or not: readers unpack any stream with /N and /First, whatever its /Type says. */
function isObjectStream(dict: PdfValue | null): dict is Extract<PdfValue, { t: "dict" }> {
  return dict?.t === "dict" && (isName(dict.map.get("Type"), "ObjStm") || (dict.map.has("N") && dict.map.has("First")));
}

/** FlateDecode (any number of times) without a predictor, or no filter: anything else cannot be read here, so it is refused. */
function flateCount(dict: Extract<PdfValue, { t: "dict" }>): number {
  const filter = dict.map.get("Filter");
  const filters = filter === undefined ? [] : filter.t === "array" ? filter.items : [filter];
  if (!filters.every((f) => isName(f, "FlateDecode", "Fl"))) throw new PdfScanError("unsupported", "object stream filter");
  const parms = dict.map.get("DecodeParms") ?? dict.map.get("DP");
  const parmList = parms === undefined ? [] : parms.t === "array" ? parms.items : [parms];
  for (const p of parmList) {
    if (p.t === "other") continue; // null
    const predictor = p.t === "dict" ? p.map.get("Predictor") : p; // a reference: cannot be followed here
    if (p.t !== "dict" || (predictor !== undefined && !(predictor.t === "num" && predictor.v <= 1))) {
      throw new PdfScanError("unsupported", "object stream predictor");
    }
  }
  return filters.length;
}

function inflateCapped(data: Uint8Array, budget: { left: number }): Uint8Array {
  if (budget.left <= 0) throw new PdfScanError("unsupported", "inflate budget");
  try {
    const out = inflateSync(data, { maxOutputLength: budget.left, finishFlush: constants.Z_SYNC_FLUSH });
    budget.left -= out.byteLength;
    return out;
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new PdfScanError("unsupported", "inflate budget");
    throw new PdfScanError("broken", "inflate");
  }
}

function unpack(bytes: Uint8Array, stream: PdfStream & { dict: Extract<PdfValue, { t: "dict" }> }, budget: { left: number }): Uint8Array {
  let data = bytes.subarray(stream.start, stream.end);
  for (let k = flateCount(stream.dict); k > 0; k--) data = inflateCapped(data, budget);
  return data;
}

/**
 * Lists the active-content names a PDF holds, in the file itself and inside its compressed object
 * streams (where producers, and attackers, put most dictionaries). Names are compared after their
 * #xx escapes are decoded. An /OpenAction that is a plain destination (`[page /Fit]`, what LaTeX
 * and many exporters write: open at page 1) is not active; any other /OpenAction is.
 */
export function scanPdfActiveContent(bytes: Uint8Array): PdfScan {
  const counts = new Map<string, number>();
  let openAtPage = 0;
  const onDict = (map: Map<string, PdfValue>) => {
    if (map.get("OpenAction")?.t === "array") openAtPage++;
  };
  const budget = { left: PDF_INFLATE_BUDGET };
  const queue: Array<{ bytes: Uint8Array; depth: number }> = [{ bytes, depth: 0 }];
  while (queue.length > 0) {
    const item = queue.shift()!;
    let syntax;
    try {
      syntax = readPdfSyntax(item.bytes, onDict);
    } catch (err) {
      if (err instanceof PdfSyntaxError) throw new PdfScanError("unsupported", err.message);
      throw err;
    }
    for (const [name, count] of syntax.names) counts.set(name, (counts.get(name) ?? 0) + count);
    for (const stream of syntax.streams) {
      if (!isObjectStream(stream.dict)) continue;
      // Object streams may not nest; a file that does so is not one a reader would show.
      if (item.depth >= 2) throw new PdfScanError("unsupported", "nested object streams");
      queue.push({ bytes: unpack(item.bytes, { ...stream, dict: stream.dict }, budget), depth: item.depth + 1 });
    }
  }
  const active = [...PDF_ACTIVE_NAMES].filter((name) => (name === "OpenAction" ? (counts.get(name) ?? 0) > openAtPage : counts.has(name)));
  return { active, encrypted: counts.has("Encrypt") };
}
