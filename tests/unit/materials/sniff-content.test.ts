import { readFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { sniffContent } from "@/lib/server/materials/sniff-content";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../fixtures", name)));

async function realPdf() {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText("licence");
  return doc.save();
}

describe("sniffContent", () => {
  it("accepts a real PNG, JPEG and PDF", async () => {
    expect(sniffContent(new Uint8Array(await QRCode.toBuffer("https://certdesk.example/licence")))).toEqual({ mime: "image/png", ext: "png" });
    // Made by Chromium's canvas.toDataURL("image/jpeg"), with an ICC profile segment.
    expect(sniffContent(fixture("sample-photo.jpg"))).toEqual({ mime: "image/jpeg", ext: "jpg" });
    expect(sniffContent(await realPdf())).toEqual({ mime: "application/pdf", ext: "pdf" });
  });

  it("refuses a renamed executable, whatever it is called", () => {
    // A real ELF binary from this machine (an .exe renamed .jpg is the same story).
    const elf = new Uint8Array(readFileSync("/bin/true"));
    expect(elf.subarray(0, 4)).toEqual(new Uint8Array([0x7f, 0x45, 0x4c, 0x46]));
    expect(sniffContent(elf)).toBeNull();
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a]); // "MZ"
    expect(sniffContent(exe)).toBeNull();
  });

  it("refuses files that only start like an image or a PDF", async () => {
    const png = new Uint8Array(await QRCode.toBuffer("x"));
    expect(sniffContent(png.subarray(0, png.length - 20))).toBeNull(); // truncated: no IEND
    const jpegHeaderOnly = new Uint8Array(2048);
    jpegHeaderOnly.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    expect(sniffContent(jpegHeaderOnly)).toBeNull();
    const fakePdf = new TextEncoder().encode("%PDF-1.7\n" + "x".repeat(500) + "\n<script>alert(1)</script>");
    expect(sniffContent(fakePdf)).toBeNull(); // no xref, no %%EOF
    const elfWithPngName = new Uint8Array(readFileSync("/bin/true"));
    elfWithPngName.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // PNG signature pasted on
    expect(sniffContent(elfWithPngName)).toBeNull();
  });

  it("refuses HTML and SVG, which a browser could run as script", () => {
    expect(sniffContent(new TextEncoder().encode("<html><script>alert(1)</script></html>".padEnd(200)))).toBeNull();
    expect(sniffContent(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'.padEnd(200)))).toBeNull();
  });
});
