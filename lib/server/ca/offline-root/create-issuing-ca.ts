import path from "node:path";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { createCa } from "@/lib/server/ca/create-ca";
import { ensureCaHierarchy, type CaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { generateCrl } from "@/lib/server/ca/generate-crl";
import { lockCaHierarchy } from "@/lib/server/ca/lock-ca-hierarchy";
import { auditRefusal } from "@/lib/server/ca/offline-root/audit-refusal";
import { cliActor } from "@/lib/server/ca/offline-root/cli-actor";
import { openOfflineRoot } from "@/lib/server/ca/offline-root/open-offline-root";
import { readRootKeyFile } from "@/lib/server/ca/offline-root/root-key-file";

/**
 * `npm run ca -- issuing create`: the issuing CA's key in the desk's own custody (sealed under the
 * KEK), its certificate signed by the root key opened from `rootKeyFile`, its first CRL and a new
 * root CRL, in one transaction; then the desk's part (the OCSP responder, signed by the new
 * issuing CA) through ensureCaHierarchy.
 */
export async function createIssuingCa(input: { rootKeyFile: string; passphrase: string; now?: Date }): Promise<CaHierarchy> {
  const now = input.now ?? new Date();
  const keyFile = path.resolve(input.rootKeyFile);
  return auditRefusal("issuing create", { keyFile }, async () => {
    const signer = await readRootKeyFile({ file: keyFile, passphrase: input.passphrase });
    await db.$transaction(
      async (tx) => {
        await lockCaHierarchy(tx);
        const root = await openOfflineRoot(tx, signer, keyFile);
        const existing = await tx.certificateAuthority.findFirst({ where: { kind: "ISSUING", active: true, parentId: root.id }, select: { id: true } });
        if (existing) throw new AppError("conflict", { userMessage: `the root already has an active issuing CA (${existing.id})` });
        const issuing = await createCa(tx, { kind: "ISSUING", parent: root, now, offlineSigner: signer });
        const issuingCrl = await generateCrl({ caId: issuing.id, now, tx });
        const rootCrl = await generateCrl({ caId: root.id, now, tx, offlineSigner: signer });
        await writeAudit(tx, {
          action: "ca.issuing_created_offline",
          targetType: "CertificateAuthority",
          targetId: issuing.id,
          data: { rootId: root.id, serialHex: issuing.serialHex, issuingCrlNumber: issuingCrl.number.toString(), rootCrlNumber: rootCrl.number.toString(), ...cliActor() },
        });
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
    return ensureCaHierarchy({ now });
  });
}
