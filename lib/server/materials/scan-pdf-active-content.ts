import { constants, inflateSync } from "node:zlib";
import { isPdfDestination, PdfSyntaxError, readPdfSyntax, type PdfStream, type PdfValue } from "./pdf-syntax";

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

type PdfDict = Extract<PdfValue, { t: "dict" }>;

/** Standard filter names (and their abbreviations) other than FlateDecode. */
const OTHER_FILTERS = new Set(["LZWDecode", "LZW", "ASCII85Decode", "A85", "ASCIIHexDecode", "AHx", "RunLengthDecode", "RL", "CCITTFaxDecode", "CCF", "JBIG2Decode", "DCTDecode", "DCT", "JPXDecode", "Crypt"]);

/**
 * Whether a reader could take this stream for an object stream: any stream whose object names
 * ObjStm, or has both /N and /First (readers do not all check /Type). Judged from the object's
 * names, not from how its dictionary parsed, so a dictionary built to parse differently here than
 * in a viewer cannot hide one. Such a stream must then have a dictionary that parsed cleanly.
 */
function objectStreamDict(stream: PdfStream): PdfDict | null {
  const names = stream.objectNames;
  if (!names.has("ObjStm") && !(names.has("N") && names.has("First"))) return null;
  if (stream.dict?.t !== "dict") throw new PdfScanError("unsupported", "object stream dictionary");
  if ([...names].some((n) => OTHER_FILTERS.has(n))) throw new PdfScanError("unsupported", "object stream filter");
  return stream.dict;
}

/** FlateDecode (any number of times) without a predictor, or no filter: anything else cannot be read here, so it is refused. */
function flateCount(dict: PdfDict): number {
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

/**
 * Which objects of an object stream are destinations. Its content is N "number offset" pairs, then
 * the N objects in order; when it does not read as exactly that, no object in it counts as one.
 */
function objectStreamDestinations(values: PdfValue[]): Map<number, boolean> {
  const out = new Map<number, boolean>();
  if (values.length % 3 !== 0) return out;
  const n = values.length / 3;
  if (!values.slice(0, 2 * n).every((v) => v.t === "num")) return out;
  for (let k = 0; k < n; k++) {
    const num = (values[2 * k] as { v: number }).v;
    out.set(num, (out.get(num) ?? true) && isPdfDestination(values[2 * n + k]));
  }
  return out;
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

function unpack(bytes: Uint8Array, stream: PdfStream, dict: PdfDict, budget: { left: number }): Uint8Array {
  const flates = flateCount(dict);
  // The object names a filter its dictionary (as parsed here) does not apply: do not guess.
  if (flates === 0 && (stream.objectNames.has("FlateDecode") || stream.objectNames.has("Fl"))) throw new PdfScanError("unsupported", "object stream filter");
  let data = bytes.subarray(stream.start, stream.end);
  for (let k = flates; k > 0; k--) data = inflateCapped(data, budget);
  return data;
}

/**
 * Lists the active-content names a PDF holds, in the file itself and inside its compressed object
 * streams (where producers, and attackers, put most dictionaries). Names are compared after their
 * #xx escapes are decoded. An /OpenAction that only opens a page (`[page /Fit]`, or a GoTo action
 * to one, inline or by reference: what LaTeX and many exporters write) is not active; any other
 * /OpenAction is.
 */
export function scanPdfActiveContent(bytes: Uint8Array): PdfScan {
  const counts = new Map<string, number>();
  const openActions: PdfValue[] = [];
  const destinations = new Map<number, boolean>();
  const merge = (found: Map<number, boolean>) => {
    for (const [num, isDest] of found) destinations.set(num, (destinations.get(num) ?? true) && isDest);
  };
  const onDict = (map: Map<string, PdfValue>) => {
    const openAction = map.get("OpenAction");
    if (openAction) openActions.push(openAction);
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
    merge(syntax.destinations);
    if (item.depth > 0) merge(objectStreamDestinations(syntax.topValues));
    for (const stream of syntax.streams) {
      const dict = objectStreamDict(stream);
      if (!dict) continue;
      // Object streams may not nest; a file that does so is not one a reader would show.
      if (item.depth >= 2) throw new PdfScanError("unsupported", "nested object streams");
      queue.push({ bytes: unpack(item.bytes, stream, dict, budget), depth: item.depth + 1 });
    }
  }
  // A destination inline, or by reference to an object that is one (every definition of it).
  const openAtPage = openActions.filter((v) => isPdfDestination(v) || (v.t === "ref" && destinations.get(v.num) === true)).length;
  const active = [...PDF_ACTIVE_NAMES].filter((name) => (name === "OpenAction" ? (counts.get(name) ?? 0) > openAtPage : counts.has(name)));
  return { active, encrypted: counts.has("Encrypt") };
}
