// A small PDF tokenizer and object reader for one purpose: list every name a PDF reader would see
// (dictionary keys and values, with #xx escapes decoded), and find the streams, so that object
// streams can be unpacked and read the same way. It skips what a reader does not interpret as
// objects: comments, literal and hex strings, and stream data (compressed bytes could spell "/JS"
// by chance). It builds values only as far as the checks need (dictionaries, arrays, names).

export type PdfValue =
  | { t: "dict"; map: Map<string, PdfValue> }
  | { t: "array"; items: PdfValue[] }
  | { t: "name"; v: string }
  | { t: "num"; v: number }
  | { t: "ref" }
  | { t: "other" };

export type PdfStream = { dict: PdfValue | null; start: number; end: number };

export type PdfSyntax = {
  /** How often each decoded name occurs as a token (keys and values), outside strings and stream data. */
  names: Map<string, number>;
  streams: PdfStream[];
};

/** The deepest nesting of arrays and dictionaries read; deeper is not a document, it is an attack. */
export const MAX_PDF_NESTING = 64;

export class PdfSyntaxError extends Error {}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number) => !WHITE.has(c) && !DELIM.has(c);

/** `/Java#53cript` and `/Java#73cript` are both JavaScript: decode #xx in either case. */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString("latin1");

function indexOfAscii(b: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = b.indexOf(first, from); i !== -1; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

type Frame = { kind: "dict" | "array"; items: PdfValue[] };

/**
 * Reads `bytes` (a whole file, or the unpacked content of an object stream). `onDict` sees each
 * dictionary as it closes.
 */
export function readPdfSyntax(bytes: Uint8Array, onDict: (map: Map<string, PdfValue>) => void): PdfSyntax {
  const names = new Map<string, number>();
  const streams: PdfStream[] = [];
  const stack: Frame[] = [];
  let last: PdfValue | null = null; // the last complete top-level value (a stream's dictionary)
  const n = bytes.length;
  let i = 0;

  const emit = (v: PdfValue) => {
    const top = stack[stack.length - 1];
    if (top) top.items.push(v);
    else last = v;
  };
  const open = (kind: Frame["kind"]) => {
    if (stack.length >= MAX_PDF_NESTING) throw new PdfSyntaxError("nesting");
    stack.push({ kind, items: [] });
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
    if (c === 0x3c && bytes[i + 1] === 0x3c) { open("dict"); i += 2; continue; }
    if (c === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
      const frame = stack.pop();
      if (!frame || frame.kind !== "dict") continue; // stray ">>": readers skip it too
      const map = new Map<string, PdfValue>();
      for (let k = 0; k + 1 < frame.items.length; k += 2) {
        const key = frame.items[k]!;
        if (key.t === "name") map.set(key.v, frame.items[k + 1]!);
      }
      onDict(map);
      emit({ t: "dict", map });
      continue;
    }
    if (c === 0x3c) { // <hex string>
      const close = bytes.indexOf(0x3e, i + 1);
      i = close === -1 ? n : close + 1;
      emit({ t: "other" });
      continue;
    }
    if (c === 0x5b) { open("array"); i++; continue; }
    if (c === 0x5d) {
      i++;
      const frame = stack.pop();
      if (frame && frame.kind === "array") emit({ t: "array", items: frame.items });
      else if (frame) stack.push(frame);
      continue;
    }
    if (c === 0x2f) { // /Name
      let j = i + 1;
      while (j < n && isRegular(bytes[j]!)) j++;
      const name = decodePdfName(latin1(bytes, i + 1, j));
      names.set(name, (names.get(name) ?? 0) + 1);
      emit({ t: "name", v: name });
      i = j;
      continue;
    }
    if (!isRegular(c)) { i++; continue; } // ) > { } on their own
    let j = i;
    while (j < n && isRegular(bytes[j]!)) j++;
    const word = latin1(bytes, i, j);
    i = j;
    if (word === "R") {
      // "12 0 R": the two numbers before become one reference
      const items = stack[stack.length - 1]?.items;
      if (items && items.length >= 2 && items[items.length - 1]!.t === "num" && items[items.length - 2]!.t === "num") {
        items.splice(items.length - 2, 2, { t: "ref" });
      } else emit({ t: "ref" });
      continue;
    }
    if (word === "stream") {
      if (bytes[i] === 0x0d) i++;
      if (bytes[i] === 0x0a) i++;
      const end = indexOfAscii(bytes, "endstream", i);
      const stop = end === -1 ? n : end;
      streams.push({ dict: stack.length === 0 ? last : null, start: i, end: stop });
      i = end === -1 ? n : end + "endstream".length;
      last = null;
      continue;
    }
    if (word === "obj" || word === "endobj") {
      // Each object starts afresh; an unclosed dictionary does not swallow the next object. (Names
      // were counted as tokens already, so nothing hides in a dictionary that never closes.)
      stack.length = 0;
      last = null;
      continue;
    }
    const num = Number(word);
    emit(Number.isFinite(num) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ? { t: "num", v: num } : { t: "other" });
  }
  return { names, streams };
}
