import { unlinkSync } from "node:fs";
import path from "node:path";
import { equalBytes } from "@/lib/pki/encoding";
import { getPublicKey } from "@/lib/pki/sm2";
import { certificatePublicKey, parseCertificate } from "@/lib/pki/x509/certificate-input";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { openSecret } from "@/lib/db/seal";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { CaRow } from "@/lib/server/ca/create-ca";
import { lockCaHierarchy } from "@/lib/server/ca/lock-ca-hierarchy";
import { auditRefusal } from "@/lib/server/ca/offline-root/audit-refusal";
import { cliActor } from "@/lib/server/ca/offline-root/cli-actor";
import { isOfflineKeyRef, offlineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";
import { readRootKeyFile, writeRootKeyFile } from "@/lib/server/ca/offline-root/root-key-file";

// The associated data local custody seals CA keys with (local-key-custody.ts, rotate-kek.ts).
const caKeyAad = (keyRef: string) => `ca-key:${keyRef}`;

/**
 * `npm run ca -- root export-offline`: for a desk whose root key is still sealed in the database
 * (demo databases from before the offline root). Writes the key to a new encrypted file, reads it
 * back, and only then, under the hierarchy lock, nulls wrappedKey and gives the row its
 * `offline:` keyRef: from then on no desk can sign as root (a desk process that had the key in
 * memory finds it under the old keyRef, which no row names any more).
 */
export async function exportOfflineRoot(input: { keyOut: string; passphrase: string; iterations?: number }): Promise<CaRow> {
  const keyFile = path.resolve(input.keyOut);
  return auditRefusal("root export-offline", { keyFile }, async () => {
    const root = await db.certificateAuthority.findFirst({
      where: { kind: "ROOT", active: true },
      orderBy: { createdAt: "desc" },
      select: { id: true, keyRef: true, wrappedKey: true, certDer: true },
    });
    if (!root) throw new AppError("not_found", { userMessage: "no root CA to export: run npm run ca -- root init --key-out FILE" });
    if (isOfflineKeyRef(root.keyRef) || !root.wrappedKey) throw new AppError("conflict", { userMessage: `the root CA ${root.id} is already offline` });

    const privateKey = openSecret(root.wrappedKey, caKeyAad(root.keyRef));
    const publicKey = certificatePublicKey(parseCertificate(root.certDer));
    try {
      if (!equalBytes(getPublicKey(privateKey), publicKey)) throw new AppError("internal", { userMessage: "the sealed root key does not match the root certificate" });
      await writeRootKeyFile({ file: keyFile, privateKey, passphrase: input.passphrase, iterations: input.iterations });
    } finally {
      privateKey.fill(0);
    }
    try {
      const signer = await readRootKeyFile({ file: keyFile, passphrase: input.passphrase });
      if (!equalBytes(signer.publicKey, publicKey)) throw new AppError("internal", { userMessage: `${keyFile} did not read back as the root key` });
      return await db.$transaction(async (tx) => {
        await lockCaHierarchy(tx);
        const keyRef = offlineKeyRef(publicKey);
        const updated = await tx.certificateAuthority.updateMany({ where: { id: root.id, keyRef: root.keyRef }, data: { wrappedKey: null, keyRef } });
        if (updated.count !== 1) throw new AppError("conflict", { userMessage: `the root CA ${root.id} changed while exporting; nothing was taken offline` });
        await writeAudit(tx, {
          action: "ca.root_exported_offline",
          targetType: "CertificateAuthority",
          targetId: root.id,
          data: { previousKeyRef: root.keyRef, keyRef, keyFile, ...cliActor() },
        });
        return tx.certificateAuthority.findUniqueOrThrow({ where: { id: root.id } });
      });
    } catch (error) {
      // The sealed key is still in the row: the file is a spare copy, better not left lying about.
      unlinkSync(keyFile);
      throw error;
    }
  });
}
