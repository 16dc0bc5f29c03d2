import { PDFDocument, rgb } from "pdf-lib";
import { loadCjkFont } from "@/lib/pdf/cjk-font";
import { fontkitForPdfLib } from "@/lib/pdf/fontkit-adapter";

const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;

/**
 * 盖章模板: an A4 sheet with a 60 mm box for a stamp and a 90 × 40 mm box for a signature, corner marks
 * and short instructions, in the CJK font the desk's PDFs use, so a photo of the stamped sheet gives the
 * processing clean white paper around the mark.
 */
export async function renderSealTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  doc.setTitle("电子印章盖章模板");
  doc.setProducer("CertDesk");
  const font = await doc.embedFont(await loadCjkFont(), { subset: true });
  const page = doc.addPage(A4);
  const ink = rgb(0.2, 0.25, 0.3);
  const line = rgb(0.55, 0.6, 0.65);
  page.drawText("电子印章盖章模板", { x: 56, y: A4[1] - 80, size: 20, font, color: ink });
  const notes = [
    "1. 用 A4 白纸打印本页，请勿缩放。",
    "2. 在上方方框内清晰、端正地加盖印章（公章、法人章或个人印章），印油均匀，不要重叠。",
    "3. 法人签字或手写签名请用黑色笔签在下方方框内。",
    "4. 在光线均匀处用手机正对拍摄整个方框（不要有阴影、反光），上传到“印章办理”。",
  ];
  notes.forEach((text, i) => page.drawText(text, { x: 56, y: A4[1] - 116 - i * 18, size: 10.5, font, color: ink }));
  const box = (x: number, y: number, w: number, h: number, label: string) => {
    page.drawRectangle({ x, y, width: w, height: h, borderColor: line, borderWidth: 0.8, borderDashArray: [4, 3] });
    for (const [cx, cy, dx, dy] of [[x, y, 1, 1], [x + w, y, -1, 1], [x, y + h, 1, -1], [x + w, y + h, -1, -1]] as const) {
      page.drawLine({ start: { x: cx, y: cy }, end: { x: cx + dx * 12, y: cy }, thickness: 1.6, color: ink });
      page.drawLine({ start: { x: cx, y: cy }, end: { x: cx, y: cy + dy * 12 }, thickness: 1.6, color: ink });
    }
    page.drawText(label, { x, y: y - 16, size: 10, font, color: line });
  };
  const stamp = 60 * MM;
  box((A4[0] - stamp) / 2, A4[1] - 260 - stamp, stamp, stamp, "盖章区（60 × 60 mm）");
  const sigW = 90 * MM, sigH = 40 * MM;
  box((A4[0] - sigW) / 2, A4[1] - 330 - stamp - sigH, sigW, sigH, "签字区（90 × 40 mm）");
  return doc.save();
}
