import { equalBytes } from "@/lib/pki/encoding";
import type { Sm2Signer } from "@/lib/pki/signer";
import { certificatePublicKey, parseCertificate } from "@/lib/pki/x509/certificate-input";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import type { CaRow } from "@/lib/server/ca/create-ca";
import { isOfflineKeyRef, offlineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";

/**
 * The active root row, checked against the key opened from its file: the root must be offline,
 * and the file's public key must be the one in the root certificate (a key file of another root
 * signs nothing here).
 */
export async function openOfflineRoot(tx: Tx, signer: Sm2Signer, file: string): Promise<CaRow> {
  const root = await tx.certificateAuthority.findFirst({ where: { kind: "ROOT", active: true }, orderBy: { createdAt: "desc" } });
  if (!root) throw new AppError("not_found", { userMessage: "no root CA yet: run npm run ca -- root init --key-out FILE first" });
  if (!isOfflineKeyRef(root.keyRef)) {
    throw new AppError("conflict", { userMessage: `the root CA ${root.id} is still online: run npm run ca -- root export-offline --key-out FILE first` });
  }
  const rootKey = certificatePublicKey(parseCertificate(root.certDer));
  if (!equalBytes(signer.publicKey, rootKey) || offlineKeyRef(signer.publicKey) !== root.keyRef) {
    throw new AppError("forbidden", { userMessage: `${file} holds the key of another root (${offlineKeyRef(signer.publicKey)}), not of the root CA ${root.id} (${root.keyRef})` });
  }
  return root;
}
