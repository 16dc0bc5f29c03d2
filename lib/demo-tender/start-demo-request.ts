import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { bytesToHex } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import type { TDemoState } from "./demo.types";
import { createDemoScan } from "./platform-api";
import { sealBid } from "./bid-envelope";
import { demoResultPublicKeyHex } from "./demo-credentials";

/** The PDF's page count, or undefined where pdf-lib cannot read it (the demo accepts any %PDF- file). */
async function pdfPageCount(bytes: Uint8Array): Promise<number | undefined> {
  try {
    return (await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })).getPageCount() || undefined;
  } catch {
    return undefined;
  }
}

export type DemoStep = "login" | "sign" | "encrypt" | "open" | "session_sign" | "sync";

/**
 * One step of the demo's flow, each a call to the public API: a login QR with a fresh challenge,
 * the bid's sign QR over its SM3 digest, the envelope to the encryption certificate, the decrypt
 * QR for the envelope's key at bid opening, a further sign request inside a signing session, or a
 * sync_subject QR (同步主体库).
 */
export async function startDemoRequest({ state, step, file }: { state: TDemoState; step: DemoStep; file?: { name: string; bytes: Uint8Array } }) {
  if (step === "login") {
    const challenge = `demo-tender:${randomBytes(18).toString("base64url")}`;
    const scan = await createDemoScan({ type: "login", challenge, expiresIn: 180 });
    state.login = { requestId: scan.id, challenge };
    state.user = undefined;
    return scan;
  }
  if (step === "sync") {
    // 同步主体库: open to any visitor, as a bidding tool fills its subject library before a bid.
    const scan = await createDemoScan({ type: "sync_subject", expiresIn: 180 });
    state.sync = { requestId: scan.id };
    return scan;
  }
  if (!state.user) throw new Error("scanner.demo.needLogin");
  if (step === "sign") {
    if (!file) throw new Error("scanner.demo.badFile");
    const id = randomBytes(12).toString("hex");
    await getFileStorage().put(`demo/bids/${id}.pdf`, file.bytes, "application/pdf");
    const digest = bytesToHex(sm3(file.bytes));
    const title = file.name.replace(/\.pdf$/i, "").slice(0, 80) || "投标文件";
    // What the holder's phone shows besides the title: the file as the bidder knows it.
    const pages = await pdfPageCount(file.bytes);
    const document = { fileName: file.name.slice(0, 200) || "投标文件.pdf", sizeBytes: file.bytes.length, ...(pages ? { pages } : {}) };
    const scan = await createDemoScan({ type: "sign", digest, title, document, withSeal: true, expiresIn: 180 });
    state.bid = { id, title, fileName: document.fileName, size: file.bytes.length, pages, sm3: digest, signRequestId: scan.id };
    state.extraSigns = [];
    return scan;
  }
  const bid = state.bid;
  if (!bid) throw new Error("scanner.demo.needBid");
  if (step === "session_sign") {
    if (!bid.sessionId) throw new Error("scan.errors.sessionNotFound");
    const document = await getFileStorage().get(`demo/bids/${bid.id}.pdf`);
    const title = `${bid.title}（副本 ${state.extraSigns.length + 1}）`;
    const described = { fileName: bid.fileName, sizeBytes: document.length, ...(bid.pages ? { pages: bid.pages } : {}) };
    const scan = await createDemoScan({ type: "sign", digest: bytesToHex(sm3(document)), title, document: described, sessionId: bid.sessionId, expiresIn: 120 });
    state.extraSigns.push({ requestId: scan.id });
    return scan;
  }
  if (step === "encrypt") {
    if (!state.user.encryptionCertificate) throw new Error("scanner.demo.noEncCert");
    const document = await getFileStorage().get(`demo/bids/${bid.id}.pdf`);
    const { sealed, keyCiphertext, serial } = sealBid({ file: document, encryptionCertificate: state.user.encryptionCertificate });
    await getFileStorage().put(`demo/bids/${bid.id}.enc`, sealed, "application/octet-stream");
    bid.encrypted = { serial, keyCiphertext };
    bid.opened = undefined;
    return null;
  }
  if (!bid.encrypted) throw new Error("scanner.demo.needEncrypt");
  const scan = await createDemoScan({ type: "decrypt", ciphertext: bid.encrypted.keyCiphertext, title: bid.title, resultEncryptionKey: demoResultPublicKeyHex(), expiresIn: 180 });
  bid.openRequestId = scan.id;
  bid.opened = undefined;
  return scan;
}
