import type { Tx } from "@/lib/db/client";
import { loadIssuingCaWithin } from "@/lib/server/ca/load-issuing-ca";
import { signSealStructure } from "./sign-seal-structure";

/**
 * 授权用章: re-signs an APPROVED enterprise seal's SES_Seal with the bound certificate and every ACTIVE grant
 * whose certificate is still VALID in certList (granted first, first in the list after the bound one), keeping
 * its esID and validity (a new createDate), and stores it. The caller holds the seal's row lock (FOR UPDATE)
 * in `tx`, so grants, withdrawals and revocations of one seal re-issue one after the other and the last
 * structure stored lists exactly the grants then ACTIVE. Returns null for a seal that is not APPROVED.
 * `bestEffort` (a revocation's withdrawal): a failure to sign (no usable issuing CA key) keeps the stored
 * structure instead of failing the revocation — the grant is withdrawn and the certificate revoked either way,
 * and relying parties check the signer's revocation. Only the CA's loading and the signing are caught (reading
 * the active CA rows through `tx` is the one statement of `tx` in there).
 */
export async function reissueSealStructure(tx: Tx, { sealId, now = new Date(), bestEffort = false }: { sealId: string; now?: Date; bestEffort?: boolean }) {
  const seal = await tx.seal.findUniqueOrThrow({
    where: { id: sealId },
    select: {
      status: true, name: true, orgId: true, processedKey: true, widthMm: true, heightMm: true, esId: true, validFrom: true, validTo: true,
      certificate: { select: { der: true, notAfter: true } },
      grants: { where: { status: "ACTIVE", certificate: { status: "VALID" } }, select: { certificate: { select: { der: true } } }, orderBy: [{ grantedAt: "asc" }, { id: "asc" }] },
    },
  });
  if (seal.status !== "APPROVED" || !seal.certificate || !seal.processedKey || !seal.widthMm || !seal.heightMm || !seal.esId || !seal.validFrom || !seal.validTo) return null;
  const { certificate, esId, validFrom, validTo, processedKey, widthMm, heightMm } = seal;
  // The issuing CA through `tx` (this runs under row locks inside the caller's transaction).
  const signing = loadIssuingCaWithin(tx).then((issuing) =>
    signSealStructure({
      seal: { name: seal.name, orgId: seal.orgId, processedKey, widthMm, heightMm },
      certificate,
      grantedCertificates: seal.grants.map((g) => g.certificate.der),
      keep: { esId, validFrom, validTo },
      issuing,
      now,
    }),
  );
  const signed = bestEffort ? await signing.catch((err: unknown) => (console.error(`[seals] ${sealId}: structure not re-issued`, err instanceof Error ? err.message : err), null)) : await signing;
  if (!signed) return null;
  await tx.seal.update({ where: { id: sealId }, data: { sesDer: signed.sesDer } });
  return { esId: signed.esId, certCount: 1 + seal.grants.length };
}

/** Locks seal rows (FOR UPDATE, in id order so two transactions never wait on each other in a cycle). */
export async function lockSeals(tx: Tx, sealIds: string[]) {
  const ids = [...new Set(sealIds)].sort();
  if (ids.length === 0) return [];
  return tx.$queryRaw<Array<{ id: string; status: string; orgId: string | null; certificateId: string | null }>>`
    SELECT "id", "status"::text AS "status", "orgId", "certificateId" FROM "Seal" WHERE "id" = ANY(${ids}) ORDER BY "id" FOR UPDATE`;
}
