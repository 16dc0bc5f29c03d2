import { REVOCATION_REASONS } from "@/lib/pki/crl/revocation-reason";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { generateCrl } from "@/lib/server/ca/generate-crl";
import { ocspAnswerMemo } from "@/lib/server/ca/ocsp-answer-memo";
import { sealVoidReasonOf } from "@/lib/server/seals/seal-void-reason-of";
import { voidSealsOfCertificates } from "@/lib/server/seals/void-seals";
import type { TRevokeReason } from "./revoke-certificate.types";

export type RevokedPair = { serials: string[]; revokedAt: Date; reason: TRevokeReason; ocspKeys?: string[] };

/**
 * The one inner revocation every requester ends in (holder on the desk or the phone, CA operator):
 * the certificate and the other half of its pair (the signing and encryption certificates of one
 * order) are revoked together in one transaction, with their OCSP answers dropped, key shares
 * destroyed, the seals bound to them voided, an audit row each and the CA's next CRL. The update is conditional on VALID, so of
 * parallel calls exactly one revokes and the others get `conflict` (already revoked).
 * `extra` runs inside the same transaction (a desk order completed, a console request approved).
 */
export async function revokePair({
  certificateId,
  reason,
  actorId,
  ip,
  extra,
  alone = false,
  within,
}: {
  certificateId: string;
  /** This certificate only, not its pair: a reissue replaces the signing half and keeps the encryption half (docs/lifecycle.md). */
  alone?: boolean;
  reason: TRevokeReason;
  actorId: string | null;
  ip?: string;
  extra?: (tx: Tx, pair: RevokedPair) => Promise<void>;
  /** The caller's transaction (证书变更 supersedes the old pair where the new one is issued); the caller then forgets `pair.ocspKeys` after its commit. */
  within?: Tx;
}): Promise<RevokedPair> {
  const revokedAt = truncateToSeconds(new Date());
  const run = async (tx: Tx) => {
      const target = await tx.certificate.findUnique({ where: { id: certificateId }, select: { id: true, orderId: true, userId: true, caId: true } });
      if (!target) throw new AppError("not_found");
      const pair = target.orderId && !alone
        ? await tx.certificate.findMany({ where: { orderId: target.orderId, userId: target.userId }, select: { id: true } })
        : [{ id: target.id }];
      const ids = pair.map((c) => c.id);
      // The target first: its update decides the outcome for the whole pair.
      const { count } = await tx.certificate.updateMany({
        where: { id: certificateId, status: "VALID" },
        data: { status: "REVOKED", revokedAt, revocationReason: REVOCATION_REASONS[reason] },
      });
      if (count === 0) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
      await tx.certificate.updateMany({
        where: { id: { in: ids.filter((id) => id !== certificateId) }, status: "VALID" },
        data: { status: "REVOKED", revokedAt, revocationReason: REVOCATION_REASONS[reason] },
      });
      const revoked = await tx.certificate.findMany({ where: { id: { in: ids }, revokedAt }, select: { id: true, serialHex: true, caId: true, keyShareId: true } });
      await tx.ocspCache.deleteMany({ where: { certificateId: { in: revoked.map((c) => c.id) } } });
      const shareIds = revoked.map((c) => c.keyShareId).filter((id): id is string => Boolean(id));
      // Revocation is permanent: the server halves of the keys go with it, so not even an unlock brings them back.
      if (shareIds.length > 0) {
        await tx.keyShare.updateMany({ where: { id: { in: shareIds } }, data: { status: "DESTROYED", wrappedShare: "", pinVerifier: null, lockedAt: revokedAt } });
      }
      for (const c of revoked) {
        await writeAudit(tx, {
          actorId,
          ip,
          action: "certificate.revoked",
          targetType: "Certificate",
          targetId: c.id,
          data: { serialHex: c.serialHex, reason, reasonCode: REVOCATION_REASONS[reason], revokedAt: revokedAt.toISOString() },
        });
      }
      // A revoked signing certificate keeps no seal (docs/seals.md): voided with it, in this transaction.
      await voidSealsOfCertificates(tx, { certificateIds: revoked.map((c) => c.id), reason: sealVoidReasonOf(reason), actorId, ip });
      const out: RevokedPair = { serials: revoked.map((c) => c.serialHex), revokedAt, reason };
      if (extra) await extra(tx, out);
      for (const caId of new Set(revoked.map((c) => c.caId))) await generateCrl({ caId, now: revokedAt, tx });
      return { out, keys: revoked.map((c) => `${c.caId}:${c.serialHex}`) };
  };
  const result = within ? await run(within) : await db.$transaction(run, { timeout: 60_000, maxWait: 30_000 });
  if (!within) for (const key of result.keys) ocspAnswerMemo.forget(key);
  return { ...result.out, ocspKeys: result.keys };
}
