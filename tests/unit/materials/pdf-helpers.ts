import { deflateSync, inflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";

const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/** A one-page PDF as a scanner or office suite would write it (pdf-lib, object streams on). */
export async function plainPdf({ objectStreams = true }: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText("licence");
  return doc.save({ useObjectStreams: objectStreams });
}

/** A PDF whose catalog runs JavaScript when opened: /OpenAction << /S /JavaScript /JS (...) >>. */
export async function openActionJsPdf({ objectStreams = false }: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText("licence");
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('pwned')") });
  doc.catalog.set(PDFName.of("OpenAction"), action);
  return doc.save({ useObjectStreams: objectStreams });
}

/** Rewrites the text of a PDF outside compressed streams (pdf-lib reads objects in file order, offsets are not needed). */
export function rewrite(bytes: Uint8Array, edit: (text: string) => string): Uint8Array {
  return bytesOf(edit(latin1(bytes)));
}

/**
 * Unpacks every FlateDecode object stream, lets `edit` change its text, packs it again (with
 * `dict` rewritten too). Offsets inside the object stream are not fixed up: the scan under test
 * reads the objects as tokens, like a forgiving reader.
 */
export function rewriteObjectStreams(bytes: Uint8Array, edit: (content: string) => string, editDict: (dict: string) => string = (d) => d): Uint8Array {
  const text = latin1(bytes);
  const out: string[] = [];
  let at = 0;
  const re = /<<((?:(?!>>\s*stream)[\s\S])*?\/Type\s*\/ObjStm[\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dataStart = m.index + m[0].length;
    const dataEnd = text.indexOf("endstream", dataStart);
    const inflated = inflateSync(Buffer.from(text.slice(dataStart, dataEnd).replace(/\r?\n$/, ""), "latin1")).toString("latin1");
    const packed = deflateSync(Buffer.from(edit(inflated), "latin1")).toString("latin1");
    const dict = editDict(m[1]!.replace(/\/Length\s+\d+/, `/Length ${packed.length}`));
    out.push(text.slice(at, m.index), `<<${dict}>>\nstream\n`, packed, "\n");
    at = dataEnd;
    re.lastIndex = dataEnd;
  }
  out.push(text.slice(at));
  return bytesOf(out.join(""));
}

/** A hand-written PDF with one object stream whose dictionary is `dict` and whose data is `data`. */
export function pdfWithObjectStream(dict: string, data: Uint8Array): Uint8Array {
  const head = `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`;
  const tail = `\nendstream\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n`;
  return new Uint8Array([...bytesOf(head), ...data, ...bytesOf(tail)]);
}
