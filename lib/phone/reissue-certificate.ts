// 证书补办 / 找回 on the new phone (docs/lifecycle.md): the holder's check with a one-time transport
// key made here; after the CA's approval and the key-management centre's delivery, the encryption
// key is recovered (recover-encryption-key.ts) and a fresh signing key generated, for which the
// desk issues a new signing certificate and revokes the old one.
import { bytesToHex } from "@/lib/pki/encoding";
import { pemToDer } from "@/lib/pki/pem";
import { generateKeyPair } from "@/lib/pki/sm2";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { jointKey } from "./download-certificate";
import { saveKeys } from "./key-store";
import { phoneApi, phoneGet } from "./phone-api";
import { finishRecovery } from "./recover-encryption-key";
import { saveTransportKey } from "./recovery-key-store";
import { wrapShare } from "./wrap-share";

export type PhoneReissue = {
  id: string;
  no: string;
  status: "IN_REVIEW" | "APPROVED" | "REJECTED" | "COMPLETED" | "CANCELLED" | "DRAFT" | "AWAITING_PAYMENT" | "AWAITING_PAPER";
  rejectReason: string | null;
  certificateId: string | null;
  originalOrderId: string | null;
  /** The channel asks for the stamped 补办申请表: the order waits (DRAFT) until it is uploaded. */
  needsForm: boolean;
  form: { id: string; originalName: string } | null;
  recovery: { id: string; status: string; keyShareId: string } | null;
};

export type ReissueStep = "recover" | "keygen" | "issue" | "store";

export async function startReissue(input: { certificateId: string; name: string; idNumber: string }) {
  const { privateKey, publicKey } = generateKeyPair();
  try {
    const publicHex = bytesToHex(publicKey);
    const made = await phoneApi<{ orderId: string; recoveryId: string; keyShareId: string }>("/api/m/reissues", { ...input, transportPublicKey: publicHex });
    await saveTransportKey({ keyShareId: made.keyShareId, recoveryId: made.recoveryId, publicKey: publicHex, privateKey }).catch(() => {
      throw { code: "storage", message: "" };
    });
    return made;
  } finally {
    privateKey.fill(0);
  }
}

export function getReissue(orderId: string): Promise<PhoneReissue> {
  return phoneGet<PhoneReissue>(`/api/m/reissues/${orderId}`);
}

/** Recovers the encryption key under the chosen PIN, then the new signing key and certificate; stored like a download. */
export async function finishReissue({ orderId, pin, confirm, onStep }: { orderId: string; pin: string; confirm: string; onStep?: (s: ReissueStep) => void }) {
  const reissue = await getReissue(orderId);
  if (!reissue.recovery) throw { code: "conflict", message: "" };
  onStep?.("recover");
  await finishRecovery({ recoveryId: reissue.recovery.id, pin, confirm });
  onStep?.("keygen");
  const sign = await jointKey(orderId, "SIGN");
  try {
    onStep?.("issue");
    const issued = await phoneApi<{ wrapKey: string; certificate: { id: string; usage: "SIGN"; serialHex: string; keyShareId: string; orderId: string | null; pem: string } }>(
      `/api/m/reissues/${orderId}/certificate`,
      { signKeyShareId: sign.keyShareId, pin },
    );
    const cert = issued.certificate;
    // The certificate must certify the key this phone just generated, for signing.
    if (bytesToHex(readCertificatePublicKey(pemToDer(cert.pem, "CERTIFICATE"))) !== sign.publicKey || cert.usage !== "SIGN" || cert.keyShareId !== sign.keyShareId) {
      throw { code: "internal", message: "certificate does not certify this phone's key" };
    }
    onStep?.("store");
    await saveKeys([
      {
        keyShareId: sign.keyShareId,
        usage: "SIGN",
        orderId: cert.orderId ?? reissue.originalOrderId ?? "",
        certificateId: cert.id,
        serialHex: cert.serialHex,
        publicKey: sign.publicKey,
        wrapped: await wrapShare({ d1: sign.d1, wrapKey: issued.wrapKey, keyShareId: sign.keyShareId }),
        createdAt: new Date().toISOString(),
      },
    ]).catch(() => {
      throw { code: "storage", message: "" };
    });
    return { certificateId: cert.id };
  } finally {
    sign.d1.fill(0);
  }
}
