import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { PDFDocument } from "pdf-lib";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { normalizePdfForSigning } from "@/lib/pdf/sign/normalize-pdf-for-signing";
import { preparePdfSealSignature } from "@/lib/pdf/sign/prepare-pdf-seal-signature";
import { embedPdfSignature } from "@/lib/pdf/sign/embed-pdf-signature";
import { byteRangeBytes } from "@/lib/pdf/sign/pdf-byte-range";
import type { TDemoState } from "./demo.types";
import { createDemoScan, listDemoSeals } from "./platform-api";
import type { Seal, SignResult } from "@/lib/platform-client/platform-api";
import { verifyBidSignature } from "./verify-bid-signature";

// PDF 签章 on the demo platform, as an integrator builds it on the public API only:
// 1. the holder logged in by scan, so the platform knows the certificate serial and may list its
//    seals (GET /api/v1/seals?serial=): picture PNG and SES_Seal;
// 2. the bidder picks a seal and clicks the spot on the rendered page;
// 3. the platform draws the picture there, adds the signature field (an incremental update), and
//    starts a SIGN scan over the SM3 of the /ByteRange bytes naming that seal (sealId);
// 4. when the phone has signed, the platform checks the CMS over the same bytes and the returned
//    seal, and writes the CMS into /Contents. Each further seal is one more incremental signature.

type DemoSeal = Seal;

const key = (id: string, suffix = "") => `demo/pdfs/${id}${suffix}.pdf`;

export async function demoSeals(state: TDemoState): Promise<DemoSeal[]> {
  if (!state.user) throw new Error("scanner.demo.needLogin");
  return (await listDemoSeals(state.user.serial)).filter((s) => s.picture && s.sesSeal);
}

export async function uploadDemoPdf({ state, file }: { state: TDemoState; file: { name: string; bytes: Uint8Array } }) {
  if (!state.user) throw new Error("scanner.demo.needLogin");
  let pdf: Uint8Array;
  let pages: Array<{ width: number; height: number }>;
  try {
    pdf = await normalizePdfForSigning(file.bytes);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    pages = doc.getPages().map((p) => ({ width: p.getWidth(), height: p.getHeight() }));
  } catch {
    throw new Error("scanner.demo.badFile");
  }
  if (pages.length === 0 || pages.length > 200) throw new Error("scanner.demo.badFile");
  const id = randomBytes(12).toString("hex");
  await getFileStorage().put(key(id), pdf, "application/pdf");
  state.pdf = { id, fileName: file.name.slice(0, 120), pages, signatures: [] };
  return null;
}

// acrossEdges ("1"): 骑缝章, the seal in slices on the right edge of every page (the click gives the height).
const ZPlacement = z.object({ sealId: z.string().min(1).max(64), page: z.coerce.number().int().min(0), x: z.coerce.number().min(0).max(1), y: z.coerce.number().min(0).max(1), acrossEdges: z.literal("1").optional() });

export async function stampDemoPdf({ state, form }: { state: TDemoState; form: FormData | null }) {
  const pdfState = state.pdf;
  if (!state.user) throw new Error("scanner.demo.needLogin");
  if (!pdfState) throw new Error("sealsUse.demo.needPdf");
  const parsed = ZPlacement.safeParse(Object.fromEntries(form?.entries() ?? []));
  if (!parsed.success || parsed.data.page >= pdfState.pages.length) throw new Error("sealsUse.demo.needPlacement");
  const { sealId, acrossEdges, ...spot } = parsed.data;
  if (acrossEdges && pdfState.pages.length < 2) throw new Error("sealsUse.demo.acrossNeedsPages");
  const placement = { ...spot, acrossEdges: Boolean(acrossEdges) };
  const seal = (await demoSeals(state)).find((s) => s.id === sealId);
  if (!seal) throw new Error("scanner.errors.noSeal");
  const current = await getFileStorage().get(key(pdfState.id));
  const prepared = await preparePdfSealSignature({
    pdf: current,
    sealPng: new Uint8Array(Buffer.from(seal.picture!, "base64")),
    sealWidthMm: seal.widthMm ?? 40,
    sesSeal: new Uint8Array(Buffer.from(seal.sesSeal!, "base64")),
    placement,
    fieldName: `${seal.name} ${pdfState.signatures.length + 1}`,
    signerName: state.user.serial,
    reason: "bid",
  });
  await getFileStorage().put(key(pdfState.id, "-pending"), prepared.pdf, "application/pdf");
  const title = `${pdfState.fileName.replace(/\.pdf$/i, "").slice(0, 60) || "投标文件"}（${seal.name}）`;
  // The phone shows the file as the bidder uploaded it, at its size once this signature is in (the CMS fills
  // the /Contents placeholder, so the length does not change).
  const document = { fileName: pdfState.fileName || "投标文件.pdf", sizeBytes: prepared.pdf.length, pages: pdfState.pages.length };
  const scan = await createDemoScan({ type: "sign", digest: prepared.digestHex, title, document, sealId, expiresIn: 180 });
  pdfState.pending = { requestId: scan.id, sealId, sealName: seal.name, digest: prepared.digestHex, byteRange: prepared.byteRange, page: placement.page, x: placement.acrossEdges ? 1 : placement.x, y: placement.y };
  return scan;
}

/** Called by the status poll once the pending stamp's request is completed: check, then embed the CMS. */
export async function finishDemoStamp({ state, id, result }: { state: TDemoState; id: string; result: SignResult }) {
  const pdfState = state.pdf;
  const pending = pdfState?.pending;
  if (!pdfState || !pending || pending.requestId !== id) return false;
  const prepared = await getFileStorage().get(key(pdfState.id, "-pending"));
  const covered = byteRangeBytes(prepared, pending.byteRange);
  const check = await verifyBidSignature({ cms: result.cms, document: covered });
  const seal = result.seal;
  const reasons = [...check.reasons];
  if (seal?.id !== pending.sealId) reasons.push("seal_mismatch");
  if (reasons.length === 0) {
    const signed = embedPdfSignature({ pdf: prepared, byteRange: pending.byteRange, cms: new Uint8Array(Buffer.from(result.cms, "base64")) });
    await getFileStorage().put(key(pdfState.id), signed, "application/pdf");
  }
  pdfState.signatures.push({ requestId: id, sealName: pending.sealName, valid: reasons.length === 0, subject: check.subject, reasons });
  pdfState.pending = undefined;
  await getFileStorage().delete(key(pdfState.id, "-pending")).catch(() => {});
  return true;
}

export async function demoPdfBytes(state: TDemoState) {
  if (!state.pdf) throw new Error("sealsUse.demo.needPdf");
  return { bytes: await getFileStorage().get(key(state.pdf.id)), fileName: state.pdf.fileName };
}

/** One page of the current PDF as PNG, rendered by poppler's pdftoppm on the platform's server. */
export async function renderDemoPdfPage(state: TDemoState, page: number): Promise<Uint8Array> {
  const { bytes } = await demoPdfBytes(state);
  if (!Number.isInteger(page) || page < 0 || page >= state.pdf!.pages.length) throw new Error("sealsUse.demo.needPdf");
  const dir = await mkdtemp(path.join(tmpdir(), "demo-pdf-"));
  try {
    await writeFile(path.join(dir, "in.pdf"), bytes);
    await new Promise<void>((resolve, reject) => {
      const child = spawn("pdftoppm", ["-png", "-f", String(page + 1), "-l", String(page + 1), "-scale-to", "900", "-singlefile", "in.pdf", "out"], { cwd: dir, stdio: "ignore" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error("scanner.demo.badFile"));
      });
    });
    return new Uint8Array(await readFile(path.join(dir, "out.png")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
