// A fake camera for the phone browser: Chromium's --use-file-for-fake-video-capture plays a Y4M
// file, and the QR drawn into its Y plane (U = V = 128) is what getUserMedia delivers to the
// scanner page. The file is rewritten for each QR; each getUserMedia call reads it afresh.
import { writeFileSync } from "node:fs";
import QRCode from "qrcode";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";

const W = 640;
const H = 480;

export function writeQrY4m(file: string, text: string) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const count = modules.size + quiet * 2;
  const scale = Math.floor(Math.min(W, H) / count);
  const y = new Uint8Array(W * H).fill(235);
  const x0 = Math.floor((W - count * scale) / 2);
  const y0 = Math.floor((H - count * scale) / 2);
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y0 + (r + quiet) * scale + dy) * W;
        y.fill(16, row + x0 + (c + quiet) * scale, row + x0 + (c + quiet + 1) * scale);
      }
    }
  }
  const chroma = new Uint8Array((W / 2) * (H / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

/** A separate Chromium whose camera is the Y4M file. */
export function launchPhoneBrowser(y4m: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${y4m}`],
  });
}
