import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { loadCjkFont } from "./cjk-font";
import { fontkitForPdfLib } from "./fontkit-adapter";

export type PdfSection = { heading?: string; lines: string[] };

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const TITLE_SIZE = 20;
const HEADING_SIZE = 13;
const BODY_SIZE = 10.5;
const LEADING = 1.6;

/** Breaks text to fit `width`; Chinese has no spaces, so any character may end a line. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const ch of Array.from(paragraph)) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        out.push(line);
        line = ch.trim() ? ch : "";
      } else line += ch;
    }
    out.push(line);
  }
  return out;
}

/** A plain A4 document (title, then headed sections of lines) in Noto Sans SC, so Chinese renders. */
export async function createPdfDocument({ title, sections }: { title: string; sections: PdfSection[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  doc.setTitle(title);
  doc.setProducer("CertDesk");
  doc.setCreator("CertDesk");
  const font = await doc.embedFont(await loadCjkFont(), { subset: true });
  const width = A4[0] - 2 * MARGIN;

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const draw = (text: string, size: number, color = rgb(0.11, 0.15, 0.2)) => {
    for (const line of wrapText(text, font, size, width)) {
      if (y - size * LEADING < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      y -= size * LEADING;
      page.drawText(line, { x: MARGIN, y, size, font, color });
    }
  };

  draw(title, TITLE_SIZE);
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.8, color: rgb(0.04, 0.36, 0.68) });
  y -= 8;
  for (const section of sections) {
    if (section.heading) {
      y -= 8;
      draw(section.heading, HEADING_SIZE, rgb(0.04, 0.36, 0.68));
    }
    for (const line of section.lines) draw(line, BODY_SIZE);
  }
  return doc.save();
}
