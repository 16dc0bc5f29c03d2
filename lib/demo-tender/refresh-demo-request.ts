import { bytesToHex } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import type { TDemoState } from "./demo.types";
import { getDemoScan } from "./platform-api";
import { verifyLoginResult } from "./verify-login-result";
import { verifyBidSignature } from "./verify-bid-signature";
import { openBid } from "./bid-envelope";
import { openDemoResult } from "./demo-credentials";
import { readDemoWebhook } from "./demo-webhooks";
import { finishDemoStamp } from "./pdf-seal";

/**
 * Polled by the demo's pages: reads a request's status from the public API and, the first time it
 * is completed, checks the result the way a platform must (signature, chain, CMS against the file,
 * decrypted file against its hash) and keeps the outcome in the visitor's state.
 */
export async function refreshDemoRequest({ state, id }: { state: TDemoState; id: string }) {
  const scan = await getDemoScan(id);
  const last = await readDemoWebhook(id);
  const webhook = last && { verified: last.verified, status: last.status, sequence: last.sequence };
  let changed = false;
  const sync = state.sync;
  if (sync?.requestId === id && !sync.library && !sync.failReason) {
    if (scan.type === "sync_subject" && scan.status === "completed" && scan.result) {
      sync.library = scan.result.subjectLibrary;
      sync.subject = scan.result.subject;
      changed = true;
    } else if (scan.status === "rejected" && scan.failReason) {
      sync.failReason = scan.failReason;
      changed = true;
    }
  }
  if (scan.status === "completed" && scan.result) {
    if (scan.type === "login" && state.login?.requestId === id && !state.user) {
      const result = scan.result;
      const check = await verifyLoginResult({ challenge: state.login.challenge, result });
      if (check.valid) {
        state.user = { subject: result.subject, serial: result.serial, certificate: result.certificate, encryptionCertificate: result.encryptionCertificate, issuer: check.issuer };
      }
      changed = true;
    }
    const bid = state.bid;
    if (scan.type === "sign") {
      const result = scan.result;
      if (bid?.signRequestId === id && !bid.signature) {
        const document = await getFileStorage().get(`demo/bids/${bid.id}.pdf`);
        bid.signature = await verifyBidSignature({ cms: result.cms, document });
        if (result.sessionId) bid.sessionId = result.sessionId;
        changed = true;
      }
      if (await finishDemoStamp({ state, id, result })) changed = true;
      const extra = state.extraSigns.find((e) => e.requestId === id);
      if (bid && extra && extra.valid === undefined) {
        const document = await getFileStorage().get(`demo/bids/${bid.id}.pdf`);
        extra.valid = (await verifyBidSignature({ cms: result.cms, document })).valid;
        changed = true;
      }
    }
    if (scan.type === "decrypt" && bid?.openRequestId === id && !bid.opened) {
      const result = scan.result;
      const sealed = await getFileStorage().get(`demo/bids/${bid.id}.enc`);
      let plain: Uint8Array | null = null;
      try {
        // The key comes back encrypted to the demo's resultEncryptionKey (plaintext is null then).
        const key = result.encryptedPlaintext ? openDemoResult(result.encryptedPlaintext) : new Uint8Array(Buffer.from(result.plaintext ?? "", "base64"));
        plain = openBid({ sealed, key });
      } catch {
        plain = null;
      }
      const hash = plain ? bytesToHex(sm3(plain)) : "";
      bid.opened = { matches: hash === bid.sm3, sm3: hash };
      changed = true;
    }
  }
  return { changed, view: { id, type: scan.type, status: scan.status, failReason: scan.failReason ?? null, webhook } };
}
