import { unlinkSync } from "node:fs";
import path from "node:path";
import { generateKeyPair } from "@/lib/pki/sm2";
import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { CaRow } from "@/lib/server/ca/create-ca";
import { createCa } from "@/lib/server/ca/create-ca";
import { generateCrl, type GeneratedCrl } from "@/lib/server/ca/generate-crl";
import { lockCaHierarchy } from "@/lib/server/ca/lock-ca-hierarchy";
import { auditRefusal } from "@/lib/server/ca/offline-root/audit-refusal";
import { cliActor } from "@/lib/server/ca/offline-root/cli-actor";
import { readRootKeyFile, writeRootKeyFile } from "@/lib/server/ca/offline-root/root-key-file";

async function assertNoRoot(client: Db | Tx) {
  const existing = await client.certificateAuthority.findFirst({ where: { kind: "ROOT", active: true }, select: { id: true } });
  if (existing) throw new AppError("conflict", { userMessage: `a root CA already exists (${existing.id}); root init creates the first one only` });
}

/**
 * `npm run ca -- root init`: a new root key, written encrypted to `keyOut` (a new file, mode 0600)
 * and read back before anything else; then, under the hierarchy lock, the ROOT row with no
 * wrappedKey (keyRef `offline:<SHA-256 of SPKI>`), its self-signed certificate and its first CRL.
 * If the database step fails the file is removed again: it would certify nothing.
 */
export async function initOfflineRoot(input: { keyOut: string; passphrase: string; now?: Date; iterations?: number }): Promise<{ root: CaRow; crl: GeneratedCrl }> {
  const now = input.now ?? new Date();
  const keyFile = path.resolve(input.keyOut);
  return auditRefusal("root init", { keyFile }, async () => {
    await assertNoRoot(db);
    const { privateKey } = generateKeyPair();
    try {
      await writeRootKeyFile({ file: keyFile, privateKey, passphrase: input.passphrase, iterations: input.iterations });
    } finally {
      privateKey.fill(0);
    }
    try {
      const signer = await readRootKeyFile({ file: keyFile, passphrase: input.passphrase });
      return await db.$transaction(
        async (tx) => {
          await lockCaHierarchy(tx);
          await assertNoRoot(tx);
          const root = await createCa(tx, { kind: "ROOT", now, offlineSigner: signer });
          const crl = await generateCrl({ caId: root.id, now, tx, offlineSigner: signer });
          await writeAudit(tx, {
            action: "ca.root_initialized_offline",
            targetType: "CertificateAuthority",
            targetId: root.id,
            data: { keyRef: root.keyRef, keyFile, serialHex: root.serialHex, crlNumber: crl.number.toString(), ...cliActor() },
          });
          return { root, crl };
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
    } catch (error) {
      unlinkSync(keyFile);
      throw error;
    }
  });
}
