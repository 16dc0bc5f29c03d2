// The phone's side of a scan: the joint signature or decryption for one request, over the scan
// routes (which tie the PIN check to the request). d1 is opened only for the operation, except
// when a signing session is opened: then a copy stays in this page's memory (session-keys.ts).
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { hexToBytes } from "@/lib/pki/encoding";
import { pemToDer } from "@/lib/pki/pem";
import { finishDecrypt, finishSign, startDecrypt, startSign, type TDecryptResponse, type TSignResponse } from "@/lib/pki/two-party";
import { loadKey } from "@/lib/phone/key-store";
import { phoneApi } from "@/lib/phone/phone-api";
import { syncSubjectMessage } from "@/lib/phone/signed-messages";
import { openStoredShare } from "@/lib/phone/open-stored-share";
import { forgetSessionKey, sessionKey } from "./session-keys";

export type ScanOp = { id: string; type: "login" | "sign" | "decrypt" | "sync_subject"; payload: Record<string, unknown> };
export type ScanCert = { id: string; keyShareId: string; pem: string };

const b64 = (bytes: Uint8Array) => {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function storedKey(keyShareId: string) {
  const stored = await loadKey(keyShareId);
  if (!stored) throw { code: "not_on_this_phone", message: "" };
  return stored;
}

/**
 * One joint signature for the request: PIN path (W comes back) or session path (d1 from memory).
 * The server recomputes e from the request (the challenge, the sync message, or for a document the
 * signed attributes sent along here) and refuses a request signing anything else.
 */
function scanSigner({ op, cert, pin, sessionId, sealId, keep }: { op: ScanOp; cert: ScanCert; pin?: string; sessionId?: string; sealId?: string; keep: (d1: Uint8Array) => void }) {
  return async (publicKey: Uint8Array, message: Uint8Array) => {
    const { e, k1, request } = startSign({ keyId: cert.keyShareId, message, publicKey });
    const body = { certificateId: cert.id, pin, request, ...(op.type === "sign" ? { signedAttributes: b64(message), ...(sealId ? { sealId } : {}) } : {}) };
    const { wrapKey, response } = await phoneApi<{ wrapKey?: string; response: TSignResponse }>(`/api/m/scan/${op.id}/sign`, body);
    const held = sessionId ? sessionKey(sessionId) : undefined;
    const stored = await storedKey(cert.keyShareId);
    const d1 = wrapKey ? await openStoredShare({ stored, wrapKey }) : held ? Uint8Array.from(held) : null;
    if (!d1) throw { code: "session_key_missing", message: "" };
    try {
      if (wrapKey) keep(d1);
      return finishSign({ d1, k1, e, publicKey, request, response });
    } finally {
      d1.fill(0);
      k1.fill(0);
    }
  };
}

/** Runs the operation and returns the result body for /complete. */
export async function performScan({ op, cert, pin, sessionId, sealId, keep = () => {} }: { op: ScanOp; cert: ScanCert; pin?: string; sessionId?: string; sealId?: string; keep?: (d1: Uint8Array) => void }) {
  const stored = await storedKey(cert.keyShareId);
  const publicKey = hexToBytes(stored.publicKey);
  const sign = scanSigner({ op, cert, pin, sessionId, sealId, keep });
  if (op.type === "login") {
    return { signature: b64(await sign(publicKey, new TextEncoder().encode(String(op.payload.challenge)))) };
  }
  if (op.type === "sign") {
    // The CMS builder wraps a signer's failure in its own "SM2 signer failed: [object Object]"; the holder
    // must read the server's refusal instead (a wrong PIN, an expired QR, a seal no longer usable).
    let refusal: unknown;
    const { der } = await signCmsDetached({
      digest: hexToBytes(String(op.payload.digest)),
      signer: {
        certificate: pemToDer(cert.pem),
        signer: {
          publicKey,
          sign: (data) =>
            sign(publicKey, data).catch((err: unknown) => {
              refusal = err;
              throw err;
            }),
        },
      },
    }).catch((err: unknown) => {
      throw refusal ?? err;
    });
    return { cms: b64(der) };
  }
  if (op.type === "decrypt") {
    const { wrapKey } = await phoneApi<{ wrapKey: string }>(`/api/m/keys/${cert.keyShareId}/wrap-key`, { pin });
    const d1 = await openStoredShare({ stored, wrapKey });
    let started: ReturnType<typeof startDecrypt>;
    try {
      started = startDecrypt({ keyId: cert.keyShareId, d1, ciphertext: fromB64(String(op.payload.ciphertext).replace(/-/g, "+").replace(/_/g, "/")) });
    } finally {
      d1.fill(0);
    }
    const { response } = await phoneApi<{ response: TDecryptResponse }>(`/api/m/scan/${op.id}/decrypt`, { certificateId: cert.id, pin, request: started.request });
    return { plaintext: b64(finishDecrypt({ ...started, response })) };
  }
  // sync_subject: a signature over the request's sync message proves the key is here and the PIN is right.
  await sign(publicKey, syncSubjectMessage({ scanRequestId: op.id }));
  return {};
}

export async function completeScan({ id, body }: { id: string; body: Record<string, unknown> }) {
  return phoneApi<{ id: string; status: "completed"; session: { id: string; expiresAt: string; autoConfirm: boolean } | null }>(`/api/m/scan/${id}/complete`, body);
}

/** The joint decryption did not open the ciphertext: the request ends failed (the platform is told at once). */
export function failScan(id: string, body: { certificateId: string; reason: "decrypt_failed" }) {
  return phoneApi<{ id: string; status: "failed" }>(`/api/m/scan/${id}/fail`, body);
}

export function rejectScan(id: string) {
  return phoneApi<{ id: string }>(`/api/m/scan/${id}/reject`, {});
}

export { forgetSessionKey };
