import { buildCrl } from "@/lib/pki/crl/build-crl";
import { revocationReasonFromCode } from "@/lib/pki/crl/revocation-reason";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError } from "@/lib/errors";
import { CA_PROFILE, addMs } from "@/lib/server/ca/ca-profile";
import type { Sm2Signer } from "@/lib/pki/signer";
import { keyCustody } from "@/lib/server/ca/key-custody";
import { isOfflineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";

export interface GeneratedCrl {
  id: string;
  caId: string;
  number: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
}

/**
 * Signs and stores the next CRL of a ROOT or ISSUING CA. The number comes from an UPDATE ...
 * RETURNING on the CA row, so concurrent generators are serialised by the row lock and numbers
 * never repeat or go backwards (RFC 5280 5.2.3). Pass `tx` to publish in the same transaction
 * as the change that made it necessary (a revocation).
 *
 * A CA whose key is offline (the root, `offline:` keyRef) is signed only with `offlineSigner`, the
 * key `npm run ca -- root crl` opened from its file; the desk itself refuses, as it holds no key.
 */
export async function generateCrl(input: { caId: string; now?: Date; tx?: Tx; offlineSigner?: Sm2Signer }): Promise<GeneratedCrl> {
  if (!input.tx) return db.$transaction((tx) => generateCrl({ ...input, tx }), { timeout: 60_000, maxWait: 30_000 });
  const { caId, tx } = input;
  const now = input.now ?? new Date();

  const [ca] = await tx.$queryRaw<Array<{ crlNumber: bigint; keyRef: string; certDer: Uint8Array; kind: "ROOT" | "ISSUING" }>>`
    UPDATE "CertificateAuthority" SET "crlNumber" = "crlNumber" + 1
    WHERE id = ${caId} AND kind IN ('ROOT', 'ISSUING')
    RETURNING "crlNumber", "keyRef", "certDer", kind::text AS kind`;
  if (!ca) throw new AppError("not_found", { userMessage: "CA not found" });
  const isOffline = isOfflineKeyRef(ca.keyRef);
  if (isOffline && !input.offlineSigner) {
    throw new AppError("conflict", { userMessage: "the root CA key is offline: sign its CRL with npm run ca -- root crl --root-key FILE" });
  }
  if (!isOffline && input.offlineSigner) throw new AppError("conflict", { userMessage: "this CA's key is held by the desk, not offline" });

  // The root has no revocable children in this model (issuing CAs are replaced, not revoked: the
  // CA row has no revocation state), so its CRL is an empty, signed statement that nothing it
  // issued is revoked.
  const revoked =
    ca.kind === "ISSUING"
      ? await tx.certificate.findMany({
          where: { caId, status: "REVOKED" },
          select: { serialHex: true, revokedAt: true, revocationReason: true },
          orderBy: { revokedAt: "asc" },
        })
      : [];
  const crl = await buildCrl(
    {
      crlNumber: ca.crlNumber,
      thisUpdate: now,
      nextUpdate: addMs(now, CA_PROFILE.crl.lifetimeMs[ca.kind]),
      entries: revoked.map((c) => ({
        serialHex: c.serialHex,
        revokedAt: c.revokedAt ?? now,
        reason: c.revocationReason === null ? undefined : revocationReasonFromCode(c.revocationReason),
      })),
    },
    { certificate: ca.certDer, signer: input.offlineSigner ?? (await keyCustody().signer(ca.keyRef, tx)) },
  );
  const row = await tx.crl.create({
    data: { caId, number: crl.crlNumber, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate, der: new Uint8Array(crl.der) },
    select: { id: true },
  });
  await writeAudit(tx, {
    action: "crl.generated",
    targetType: "CertificateAuthority",
    targetId: caId,
    data: { crlNumber: crl.crlNumber.toString(), entries: revoked.length, nextUpdate: crl.nextUpdate.toISOString(), keyOffline: isOffline },
  });
  return { id: row.id, caId, number: crl.crlNumber, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate };
}
