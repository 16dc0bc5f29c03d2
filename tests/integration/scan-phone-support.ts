// The phone's side of a scan in integration tests: a holder who downloaded dual certificates with
// a PIN (the phone engineer's real download path), and the joint operations played over the scan
// domain functions as the phone app plays them over /api/m/scan/*.
import { finishDecrypt, finishSign, startDecrypt, startSign } from "@/lib/pki/two-party";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { hexToBytes } from "@/lib/pki/encoding";
import { downloadAsPhone } from "../support/phone-download";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { decryptForScan } from "@/lib/server/scan/decrypt-for-scan";
import { db } from "@/lib/db/client";
import { unwrapShare } from "@/lib/phone/wrap-share";
import { createUser } from "../support/factories";
import { createSubmittedOrder } from "../support/review-fixtures";

export const PIN = "285714";

export async function holderWithCertificates() {
  const user = await createUser();
  const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
  const { stored } = await downloadAsPhone(user.id, order.id, PIN);
  const certs = await db.certificate.findMany({ where: { userId: user.id }, select: { id: true, usage: true, der: true, serialHex: true } });
  const signCert = certs.find((c) => c.usage === "SIGN")!;
  const encCert = certs.find((c) => c.usage === "ENCRYPT")!;
  return {
    user,
    sign: { ...stored.sign, cert: signCert },
    enc: { ...stored.enc, cert: encCert },
  };
}

type Holder = Awaited<ReturnType<typeof holderWithCertificates>>;

/**
 * The joint signature for request `id` through signForScan (PIN, or none inside a session). For a
 * document the phone sends the signed attributes it signs along (`isDocument`).
 */
export function scanSigner(holder: Holder, id: string, pin?: string, sessionD1?: Uint8Array, { isDocument = false } = {}) {
  const { sign, user } = holder;
  return {
    publicKey: sign.publicKey,
    async sign(message: Uint8Array) {
      const { e, k1, request } = startSign({ keyId: sign.keyShareId, message, publicKey: sign.publicKey });
      const signedAttributes = isDocument ? Buffer.from(message).toString("base64") : undefined;
      const out = await signForScan({ userId: user.id, id, input: { certificateId: sign.cert.id, pin, request, signedAttributes } });
      const d1 = out.wrapKey ? await unwrapShare({ wrapped: sign.wrapped, wrapKey: out.wrapKey, keyShareId: sign.keyShareId }) : sessionD1!;
      return finishSign({ d1, k1, e, publicKey: sign.publicKey, request, response: out.response });
    },
  };
}

export async function scanLogin(holder: Holder, id: string, challenge: string, pin?: string) {
  const signature = await scanSigner(holder, id, pin).sign(new TextEncoder().encode(challenge));
  return { signature: Buffer.from(signature).toString("base64") };
}

export async function scanCms(holder: Holder, id: string, digestHex: string, pin?: string, sessionD1?: Uint8Array) {
  const { der } = await signCmsDetached({ digest: hexToBytes(digestHex), signer: { certificate: holder.sign.cert.der, signer: scanSigner(holder, id, pin, sessionD1, { isDocument: true }) } });
  return { cms: Buffer.from(der).toString("base64") };
}

export async function scanDecrypt(holder: Holder, id: string, ciphertext: Uint8Array, pin = PIN) {
  const started = startDecrypt({ keyId: holder.enc.keyShareId, d1: holder.enc.d1, ciphertext });
  const { response } = await decryptForScan({ userId: holder.user.id, id, input: { certificateId: holder.enc.cert.id, pin, request: started.request } });
  return { plaintext: Buffer.from(finishDecrypt({ ...started, response })).toString("base64") };
}
