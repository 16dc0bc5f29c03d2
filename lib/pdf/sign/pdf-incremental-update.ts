import { PDFRef, type PDFDocument, type PDFObject } from "pdf-lib";

// pdf-lib's save() rewrites the whole file, which breaks every earlier signature (their /ByteRange
// covers the old bytes). No kept npm library writes an incremental update on top of pdf-lib, so this
// small writer does: objects added or changed since the snapshot are appended after the original
// bytes with a classic cross-reference section whose /Prev points at the previous one
// (ISO 32000-1 §7.5.6). The original bytes are kept exactly.

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function serialize(object: PDFObject): Uint8Array {
  const out = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(out, 0);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type PdfObjectSnapshot = Map<string, Uint8Array>;

/** Every indirect object's bytes as loaded, to tell later which ones the edit changed. */
export function snapshotPdfObjects(doc: PDFDocument): PdfObjectSnapshot {
  const snapshot: PdfObjectSnapshot = new Map();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) snapshot.set(ref.tag, serialize(object));
  return snapshot;
}

/** Offset of the last cross-reference section (the number after the last `startxref`). */
export function lastStartXref(pdf: Uint8Array): number {
  const tail = new TextDecoder("latin1").decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const match = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].pop();
  if (!match) throw new Error("pdf: no startxref");
  return Number(match[1]);
}

/**
 * Appends the objects of `doc` that differ from `snapshot` (or are new) to `original` as one
 * incremental update. Call `await doc.flush()` first so embedded images and fonts are objects.
 */
export function writeIncrementalUpdate({ original, doc, snapshot }: { original: Uint8Array; doc: PDFDocument; snapshot: PdfObjectSnapshot }): Uint8Array {
  const prev = lastStartXref(original);
  const changed: Array<{ ref: PDFRef; bytes: Uint8Array }> = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const bytes = serialize(object);
    const before = snapshot.get(ref.tag);
    if (!before || !sameBytes(before, bytes)) changed.push({ ref, bytes });
  }
  changed.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);

  const parts: Uint8Array[] = [original];
  let offset = original.length;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  // The original may end without an end-of-line after %%EOF.
  if (original[original.length - 1] !== 0x0a) push(latin1("\n"));
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const { ref, bytes } of changed) {
    offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
    push(latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(bytes);
    push(latin1("\nendobj\n"));
  }

  const xrefAt = offset;
  let xref = "xref\n";
  const numbers = [...offsets.keys()];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k])!;
      xref += `${String(entry.offset).padStart(10, "0")} ${String(entry.generation).padStart(5, "0")} n\r\n`;
    }
    i = j + 1;
  }
  const info = doc.context.trailerInfo;
  const trailer = [`/Size ${doc.context.largestObjectNumber + 1}`, `/Root ${String(info.Root)}`, info.Info ? `/Info ${String(info.Info)}` : "", info.ID ? `/ID ${String(info.ID)}` : "", `/Prev ${prev}`]
    .filter(Boolean)
    .join(" ");
  push(latin1(`${xref}trailer\n<< ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`));

  const out = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
