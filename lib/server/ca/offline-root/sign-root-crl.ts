import path from "node:path";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { generateCrl, type GeneratedCrl } from "@/lib/server/ca/generate-crl";
import { auditRefusal } from "@/lib/server/ca/offline-root/audit-refusal";
import { cliActor } from "@/lib/server/ca/offline-root/cli-actor";
import { openOfflineRoot } from "@/lib/server/ca/offline-root/open-offline-root";
import { readRootKeyFile } from "@/lib/server/ca/offline-root/root-key-file";

/** `npm run ca -- root crl`: the offline root's next CRL, signed with the key from its file. */
export async function signRootCrl(input: { rootKeyFile: string; passphrase: string; now?: Date }): Promise<GeneratedCrl> {
  const now = input.now ?? new Date();
  const keyFile = path.resolve(input.rootKeyFile);
  return auditRefusal("root crl", { keyFile }, async () => {
    const signer = await readRootKeyFile({ file: keyFile, passphrase: input.passphrase });
    return db.$transaction(
      async (tx) => {
        const root = await openOfflineRoot(tx, signer, keyFile);
        const crl = await generateCrl({ caId: root.id, now, tx, offlineSigner: signer });
        await writeAudit(tx, {
          action: "ca.root_crl_signed_offline",
          targetType: "CertificateAuthority",
          targetId: root.id,
          data: { crlNumber: crl.number.toString(), nextUpdate: crl.nextUpdate.toISOString(), ...cliActor() },
        });
        return crl;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  });
}
