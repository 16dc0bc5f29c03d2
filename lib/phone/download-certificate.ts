// 证书下载 on the phone: two two-party key generations (signing key, encryption key), the encryption
// share escrowed to the key-management key, then the server issues both certificates and hands back
// W once; d1 is stored only encrypted under W.
import { bytesToHex } from "@/lib/pki/encoding";
import { pemToDer } from "@/lib/pki/pem";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { escrowShare } from "@/lib/pki/escrow";
import { finishKeygen, startKeygen, type TKeygenResponse } from "@/lib/pki/two-party";
import { saveKeys } from "./key-store";
import { phoneApi } from "./phone-api";
import { wrapShare } from "./wrap-share";

export type DownloadStep = "sign" | "encrypt" | "issue" | "store";

type Issued = {
  wrapKey: string;
  certificates: Array<{ id: string; usage: "SIGN" | "ENCRYPT"; serialHex: string; keyShareId: string; pem: string }>;
};

/** One two-party key generation for an approved order (a download makes two, a reissue one: the new signing key). */
export async function jointKey(orderId: string, usage: "SIGN" | "ENCRYPT") {
  const { d1, request } = startKeygen();
  const res = await phoneApi<{ keyShareId: string; publicKey: string; response: TKeygenResponse; escrowKey?: { id: string; publicKey: string } }>("/api/m/keygen", {
    orderId,
    usage,
    request,
  });
  // finishKeygen checks the server used our P1: a tampered answer fails here, before anything is kept.
  const publicKey = bytesToHex(finishKeygen({ d1, request, response: res.response }));
  if (publicKey !== res.publicKey) throw { code: "internal", message: "joint public key mismatch" };
  return { d1, keyShareId: res.keyShareId, publicKey, escrowKey: res.escrowKey };
}

export async function downloadCertificate({ orderId, pin, onStep }: { orderId: string; pin: string; onStep?: (s: DownloadStep) => void }) {
  onStep?.("sign");
  const sign = await jointKey(orderId, "SIGN");
  onStep?.("encrypt");
  const encrypt = await jointKey(orderId, "ENCRYPT");
  try {
    onStep?.("issue");
    if (!encrypt.escrowKey) throw { code: "internal", message: "no key-management key for the encryption key" };
    // GM/T 0015: the encryption key is recoverable under dual control, so this phone's share of it
    // goes to the key-management key (which the desk cannot open), bound to this order and key.
    const escrow = escrowShare({
      d1: encrypt.d1,
      kmk: encrypt.escrowKey,
      orderId,
      signKeyShareId: sign.keyShareId,
      encryptKeyShareId: encrypt.keyShareId,
      publicKey: encrypt.publicKey,
    });
    const issued = await phoneApi<Issued>(`/api/m/orders/${orderId}/certificates`, {
      orderId,
      signKeyShareId: sign.keyShareId,
      encryptKeyShareId: encrypt.keyShareId,
      pin,
      escrow,
    });
    onStep?.("store");
    const now = new Date().toISOString();
    const records = await Promise.all(
      [sign, encrypt].map(async (k) => {
        const cert = issued.certificates.find((c) => c.keyShareId === k.keyShareId);
        if (!cert) throw { code: "internal", message: "certificate missing" };
        // The certificate must certify the joint key this phone just generated, for the right use:
        // a server that swapped keys would otherwise get this phone to sign for someone else's key.
        if (bytesToHex(readCertificatePublicKey(pemToDer(cert.pem, "CERTIFICATE"))) !== k.publicKey || cert.usage !== (k === sign ? "SIGN" : "ENCRYPT")) {
          throw { code: "internal", message: "certificate does not certify this phone's key" };
        }
        return {
          keyShareId: k.keyShareId,
          usage: cert.usage,
          orderId,
          certificateId: cert.id,
          serialHex: cert.serialHex,
          publicKey: k.publicKey,
          wrapped: await wrapShare({ d1: k.d1, wrapKey: issued.wrapKey, keyShareId: k.keyShareId }),
          createdAt: now,
        };
      }),
    );
    await saveKeys(records).catch(() => {
      throw { code: "storage", message: "" };
    });
    return { certificates: issued.certificates };
  } finally {
    sign.d1.fill(0);
    encrypt.d1.fill(0);
  }
}
