// A small PDF tokenizer and object reader for one purpose: list every name a PDF reader would see
// (dictionary keys and values, with #xx escapes decoded), and find the streams, so that object
// streams can be unpacked and read the same way. It skips what a reader does not interpret as
// objects: comments, literal and hex strings, and stream data (compressed bytes could spell "/JS"
// by chance). It keeps values only as far as the checks need (a few keys, the head of arrays).

export type PdfValue =
  | { t: "dict"; map: Map<string, PdfValue> }
  | { t: "array"; items: PdfValue[] }
  | { t: "name"; v: string }
  | { t: "num"; v: number }
  | { t: "ref"; num: number }
  | { t: "other" };

/**
 * A stream: the dictionary right before it when that parsed cleanly (else null), where its data
 * lies, and every name of its object (from `obj` to `stream`) however the dictionary parsed.
 */
export type PdfStream = { dict: PdfValue | null; start: number; end: number; objectNames: Set<string> };

export type PdfSyntax = {
  /** How often each decoded name occurs as a token (keys and values), outside strings and stream data. */
  names: Map<string, number>;
  streams: PdfStream[];
  /** Top-level objects (`12 0 obj … endobj`) by number: whether every definition of it is a destination (isPdfDestination). */
  destinations: Map<number, boolean>;
  /** The values read outside any object, in order (what an object stream's content is made of). */
  topValues: PdfValue[];
};

/** Where to open, and nothing else: `[page /Fit]`, or a GoTo action to one with no further actions chained. */
export function isPdfDestination(v: PdfValue | null | undefined): boolean {
  if (v?.t === "array") return true;
  if (v?.t !== "dict") return false;
  const type = v.map.get("S");
  return type?.t === "name" && type.v === "GoTo" && !v.map.has("Next");
}

/** The deepest nesting of arrays and dictionaries read; deeper is not a document, it is an attack. */
export const MAX_PDF_NESTING = 64;

export class PdfSyntaxError extends Error {}

/** Values kept from outside objects (an object stream holds at most N objects and 2N header numbers). */
const MAX_TOP_VALUES = 300_000;

// Byte classes (PDF 32000-1 §7.2.2): 1 white-space, 2 delimiter, 0 regular.
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[c] = 2;
const WHITE = { has: (c: number) => CLASS[c] === 1 };
const isRegular = (c: number) => CLASS[c] === 0;

/** `/Java#53cript` and `/Java#73cript` are both JavaScript: decode #xx in either case. */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function latin1(b: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return Buffer.from(b.buffer, b.byteOffset + from, to - from).toString("latin1");
  let s = "";
  for (let k = from; k < to; k++) s += String.fromCharCode(b[k]!);
  return s;
}

function indexOfAscii(b: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = b.indexOf(first, from); i !== -1; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Keys whose values the checks read; other entries are only walked, so a huge dictionary costs no memory. */
const KEPT_KEYS = new Set(["OpenAction", "S", "Next", "Type", "N", "First", "Filter", "DecodeParms", "DP", "Predictor"]);
/** Items kept of an array (filter chains, their parameters); the rest are only walked. */
const KEPT_ITEMS = 8;
/** Distinct names in one file: documents use hundreds; millions are a memory attack. */
const MAX_DISTINCT_NAMES = 100_000;

type Frame = { kind: "dict"; map: Map<string, PdfValue>; key: string | null } | { kind: "array"; items: PdfValue[] };

/** After an integer ending at `j`: where " 0 R" (making it a reference) ends, or -1. */
function referenceEnd(b: Uint8Array, j: number): number {
  let k = j;
  while (CLASS[b[k]!] === 1 && k < b.length) k++;
  if (k === j) return -1;
  const gen = k;
  while (b[k]! >= 0x30 && b[k]! <= 0x39) k++;
  if (k === gen) return -1;
  const afterGen = k;
  while (CLASS[b[k]!] === 1 && k < b.length) k++;
  if (k === afterGen || b[k] !== 0x52) return -1;
  k++;
  return k >= b.length || CLASS[b[k]!] !== 0 ? k : -1;
}

/**
 * Reads `bytes` (a whole file, or the unpacked content of an object stream). `onDict` sees each
 * dictionary as it closes (only the keys the checks need). Dictionaries pair as viewers (pdf.js,
 * PDFium) pair them: a name is a key and takes the next value; anything else where a key belongs
 * is skipped on its own. "12 0 R" is one reference, as viewers read it.
 */
export function readPdfSyntax(bytes: Uint8Array, onDict: (map: Map<string, PdfValue>) => void): PdfSyntax {
  const names = new Map<string, number>();
  const streams: PdfStream[] = [];
  const stack: Frame[] = [];
  let objectNames = new Set<string>();
  const destinations = new Map<number, boolean>();
  const topValues: PdfValue[] = [];
  let objectNumber = -1;
  const topNumbers: number[] = []; // the last numbers read outside any dictionary or array
  let last: PdfValue | null = null; // the last complete top-level value (a stream's dictionary)
  const n = bytes.length;
  let i = 0;

  const emit = (v: PdfValue) => {
    const top = stack[stack.length - 1];
    if (!top) {
      last = v;
      if (objectNumber < 0 && topValues.length < MAX_TOP_VALUES) topValues.push(v);
      if (v.t === "num") topNumbers.push(v.v), topNumbers.splice(0, topNumbers.length - 2);
      else topNumbers.length = 0;
    } else if (top.kind === "array") {
      if (top.items.length < KEPT_ITEMS) top.items.push(v);
    } else if (top.key === null) {
      if (v.t === "name") top.key = v.v;
    } else {
      if (KEPT_KEYS.has(top.key)) top.map.set(top.key, v);
      top.key = null;
    }
  };
  const open = (frame: Frame) => {
    if (stack.length >= MAX_PDF_NESTING) throw new PdfSyntaxError("nesting");
    stack.push(frame);
  };

  while (i < n) {
    const c = bytes[i]!;
    if (WHITE.has(c)) { i++; continue; }
    if (c === 0x25) { // % comment to end of line
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x28) { // ( literal string ), balanced parentheses, backslash escapes
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const d = bytes[i]!;
        if (d === 0x5c) i += 2;
        else { if (d === 0x28) depth++; else if (d === 0x29) depth--; i++; }
      }
      emit({ t: "other" });
      continue;
    }
    if (c === 0x3c && bytes[i + 1] === 0x3c) { open({ kind: "dict", map: new Map(), key: null }); i += 2; continue; }
    if (c === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
      const frame = stack[stack.length - 1];
      if (!frame || frame.kind !== "dict") continue; // stray ">>": skipped (an open array stays open)
      stack.pop();
      onDict(frame.map);
      emit({ t: "dict", map: frame.map });
      continue;
    }
    if (c === 0x3c) { // <hex string>
      const close = bytes.indexOf(0x3e, i + 1);
      i = close === -1 ? n : close + 1;
      emit({ t: "other" });
      continue;
    }
    if (c === 0x5b) { open({ kind: "array", items: [] }); i++; continue; }
    if (c === 0x5d) {
      i++;
      const frame = stack[stack.length - 1];
      if (frame?.kind !== "array") continue; // stray "]"
      stack.pop();
      emit({ t: "array", items: frame.items });
      continue;
    }
    if (c === 0x2f) { // /Name
      let j = i + 1;
      while (j < n && isRegular(bytes[j]!)) j++;
      const name = decodePdfName(latin1(bytes, i + 1, j));
      names.set(name, (names.get(name) ?? 0) + 1);
      if (names.size > MAX_DISTINCT_NAMES) throw new PdfSyntaxError("names");
      objectNames.add(name);
      emit({ t: "name", v: name });
      i = j;
      continue;
    }
    if (!isRegular(c)) { i++; continue; } // ) > { } on their own
    let j = i;
    let digits = true;
    while (j < n && isRegular(bytes[j]!)) {
      if (bytes[j]! < 0x30 || bytes[j]! > 0x39) digits = false;
      j++;
    }
    const word = latin1(bytes, i, j);
    i = j;
    if (digits) {
      const refEnd = referenceEnd(bytes, j);
      if (refEnd !== -1) {
        emit({ t: "ref", num: Number(word) });
        i = refEnd;
        continue;
      }
      emit({ t: "num", v: Number(word) });
      continue;
    }
    // An object boundary inside an unclosed dictionary or array: viewers recover from that each in
    // their own way, so nothing here can say what they would see. Refused (PdfSyntaxError).
    if ((word === "stream" || word === "obj" || word === "endobj") && stack.length > 0) throw new PdfSyntaxError(`${word} inside a dictionary or array`);
    if (word === "stream") {
      if (bytes[i] === 0x0d) i++;
      if (bytes[i] === 0x0a) i++;
      const end = indexOfAscii(bytes, "endstream", i);
      const stop = end === -1 ? n : end;
      streams.push({ dict: (last as PdfValue | null)?.t === "dict" ? last : null, start: i, end: stop, objectNames });
      objectNames = new Set();
      i = end === -1 ? n : end + "endstream".length;
      last = null;
      continue;
    }
    if (word === "obj") {
      objectNumber = topNumbers.length === 2 ? topNumbers[0]! : -1;
      last = null;
      objectNames = new Set();
      continue;
    }
    if (word === "endobj") {
      if (objectNumber >= 0) destinations.set(objectNumber, (destinations.get(objectNumber) ?? true) && isPdfDestination(last as PdfValue | null));
      objectNumber = -1;
      last = null;
      continue;
    }
    const num = Number(word);
    emit(Number.isFinite(num) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ? { t: "num", v: num } : { t: "other" });
  }
  return { names, streams, destinations, topValues };
}
