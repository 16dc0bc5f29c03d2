// 恢复到本机 on a new phone: ask for an escrowed encryption share to be recovered to a one-time
// transport key made here, then — once a CA operator approved and the key-management centre
// delivered — open the delivery, set a PIN and store the refreshed share like a download does.
import { bytesToHex } from "@/lib/pki/encoding";
import { openRecoveredShare, type TRecoveredShare } from "@/lib/pki/escrow";
import { generateKeyPair } from "@/lib/pki/sm2";
import { refreshPhoneShare } from "@/lib/pki/two-party/refresh-share";
import { loadKey, saveKeys } from "./key-store";
import { phoneApi, phoneGet } from "./phone-api";
import { deleteTransportKey, openTransportKey, saveTransportKey } from "./recovery-key-store";
import { wrapShare } from "./wrap-share";

export type PhoneKeyRecovery = {
  id: string;
  status: "REQUESTED" | "APPROVED" | "REJECTED" | "DELIVERED" | "INSTALLED" | "CANCELLED";
  reason: string | null;
  keyShareId: string;
  publicKey: string;
  certificate: { id: string; serialHex: string; orderId: string | null } | null;
  delivery: TRecoveredShare | null;
};

export async function askForRecovery(keyShareId: string): Promise<{ id: string }> {
  const { privateKey, publicKey } = generateKeyPair();
  try {
    const publicHex = bytesToHex(publicKey);
    const made = await phoneApi<{ id: string }>(`/api/m/keys/${keyShareId}/recovery`, { transportPublicKey: publicHex });
    await saveTransportKey({ keyShareId, recoveryId: made.id, publicKey: publicHex, privateKey }).catch(() => {
      throw { code: "storage", message: "" };
    });
    return made;
  } finally {
    privateKey.fill(0);
  }
}

export function getRecovery(recoveryId: string): Promise<PhoneKeyRecovery> {
  return phoneGet<PhoneKeyRecovery>(`/api/m/recoveries/${recoveryId}`);
}

/**
 * Opens the delivery with this phone's transport key, sets the PIN (the desk stages a rotation and
 * locks the share against the old phone), stores d1·ρ under W′ and confirms with the PIN. Safe to
 * run again after a failure: until the confirm the recovery stays DELIVERED and each install stages
 * a fresh rotation; after a confirm whose answer was lost the stored record already works.
 */
export async function finishRecovery({ recoveryId, pin, confirm }: { recoveryId: string; pin: string; confirm: string }): Promise<"installed"> {
  const recovery = await getRecovery(recoveryId);
  if (recovery.status === "INSTALLED" && (await loadKey(recovery.keyShareId))) return "installed";
  if (recovery.status !== "DELIVERED" || !recovery.delivery || !recovery.certificate) throw { code: "conflict", message: "" };
  const transport = await openTransportKey(recovery.keyShareId, recoveryId);
  if (!transport) throw { code: "otherPhone", message: "" };
  let d1: Uint8Array | null = null;
  let refreshed: Uint8Array | null = null;
  try {
    d1 = openRecoveredShare(recovery.delivery, { recoveryId, keyShareId: recovery.keyShareId, publicKey: recovery.publicKey, transportPrivateKey: transport });
    const rotation = await phoneApi<{ keyShareId: string; nextWrapKey: string; refresh: Array<{ keyShareId: string; rho: string }> }>(
      `/api/m/recoveries/${recoveryId}/install`,
      { pin, confirm },
    );
    const rho = rotation.refresh.find((r) => r.keyShareId === recovery.keyShareId)?.rho;
    if (!rho) throw { code: "internal", message: "no refresh factor for this share" };
    refreshed = refreshPhoneShare(d1, rho);
    const wrapped = await wrapShare({ d1: refreshed, wrapKey: rotation.nextWrapKey, keyShareId: recovery.keyShareId });
    await saveKeys([
      {
        keyShareId: recovery.keyShareId,
        usage: "ENCRYPT",
        orderId: recovery.certificate.orderId ?? "",
        certificateId: recovery.certificate.id,
        serialHex: recovery.certificate.serialHex,
        publicKey: recovery.publicKey,
        wrapped,
        createdAt: new Date().toISOString(),
      },
    ]).catch(() => {
      throw { code: "storage", message: "" };
    });
    await phoneApi(`/api/m/keys/${recovery.keyShareId}/pin/confirm`, { pin });
    await deleteTransportKey(recovery.keyShareId).catch(() => undefined);
    return "installed";
  } finally {
    transport.fill(0);
    d1?.fill(0);
    refreshed?.fill(0);
  }
}
