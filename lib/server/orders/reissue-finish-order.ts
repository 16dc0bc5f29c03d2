import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { loadIssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { certificateSubjectOfOrder } from "@/lib/server/certs/certificate-subject-of-order";
import { issueSigningCertificateIn } from "@/lib/server/certs/issue-certificates";
import { revokePair } from "@/lib/server/certs/revoke-pair";
import { makePinSecret, newWrapKey, sealPinSecret } from "@/lib/server/keys/pin-secret";
import { pinHolderOfOrder } from "@/lib/server/keys/pin-holder-of-order";
import { assertPinAllowed } from "@/lib/server/keys/pin-policy";
import { readReissueDraft } from "./reissue-draft";
import { ZFinishReissueSchema } from "./reissue.types";
import { transitionOrder } from "./transition-order";

// The keygen and this call belong to one sitting, as in a download.
const SHARE_MAX_AGE_MS = 60 * 60_000;

/**
 * 证书补办, last step on the new phone, after its encryption key was recovered and installed there:
 * binds the PIN to the fresh signing share (its own W), issues a new signing certificate for it and
 * revokes the old signing certificate (`superseded`: the lost phone's share alone never signed
 * anything, and its server half is destroyed with the revocation, so earlier signatures stay
 * trustworthy — docs/lifecycle.md), and completes the order, all in one transaction: the
 * revocation's conditional update on VALID decides, so of 20 racing calls one issues and the others
 * get `conflict`. The encryption certificate stays as it is (same key, recovered).
 */
export async function reissueFinishOrder({ userId, orderId, input, ip }: { userId: string; orderId: string; input: unknown; ip?: string }) {
  const { signKeyShareId, pin } = ZFinishReissueSchema.parse(input);
  const found = await db.order.findFirst({ where: { id: orderId, userId, kind: "REISSUE" }, select: { subjectType: true, draft: true, user: { select: { phone: true } } } });
  if (!found) throw new AppError("not_found");
  const reissue = readReissueDraft(found.draft).reissue;
  if (!reissue) throw new AppError("conflict", { userMessage: "lifecycleReissue.errors.noRecovery" });
  assertPinAllowed(pin, pinHolderOfOrder(found));
  const wrapKey = newWrapKey();
  const secret = await makePinSecret(pin, wrapKey);
  const issuing = await loadIssuingCa();
  let issued: Awaited<ReturnType<typeof issueSigningCertificateIn>> | undefined;
  const old = await db.certificate.findUnique({ where: { id: reissue.certificateId }, select: { id: true, userId: true, orgId: true, notAfter: true, serialHex: true, status: true } });
  if (!old || old.userId !== userId) throw new AppError("not_found");
  if (old.status !== "VALID") throw new AppError("conflict", { userMessage: "lifecycleReissue.errors.done" });
  await revokePair({
    certificateId: old.id,
    reason: "superseded",
    actorId: userId,
    ip,
    alone: true,
    extra: async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
      if (row?.status !== "APPROVED") throw new AppError("conflict", { userMessage: "lifecycleReissue.errors.notApproved" });
      // The encryption key must be on the new phone first: that is what the reissue is for.
      const recovery = await tx.keyRecovery.findUnique({ where: { id: reissue.recoveryId }, select: { status: true } });
      if (recovery?.status !== "INSTALLED") throw new AppError("conflict", { userMessage: "lifecycleReissue.errors.recoverFirst" });
      const share = await tx.keyShare.findFirst({
        where: { id: signKeyShareId, userId },
        select: { status: true, pinVerifier: true, createdAt: true, _count: { select: { certificates: true } } },
      });
      if (!share) throw new AppError("not_found");
      const isFresh = share.status === "ACTIVE" && !share.pinVerifier && share._count.certificates === 0 && Date.now() - share.createdAt.getTime() < SHARE_MAX_AGE_MS;
      if (!isFresh) throw new AppError("conflict", { userMessage: "phone.errors.staleKeys" });
      await tx.keyShare.update({ where: { id: signKeyShareId }, data: { pinVerifier: sealPinSecret(signKeyShareId, secret), pinFailures: 0 } });
      await writeAudit(tx, { actorId: userId, action: "key.pin_set", targetType: "Order", targetId: orderId, data: { group: [signKeyShareId] }, ip });
      const original = await tx.order.findUniqueOrThrow({ where: { id: reissue.originalOrderId }, include: { org: { select: { name: true, uscc: true, deletedAt: true } } } });
      issued = await issueSigningCertificateIn(
        tx,
        { orderId: original.id, userId, orgId: old.orgId, keyShareId: signKeyShareId, subject: certificateSubjectOfOrder(original), notAfter: old.notAfter },
        issuing,
      );
      await transitionOrder(tx, { orderId, to: "COMPLETED", actorId: userId, type: "downloaded", ip, note: `${old.serialHex}→${issued.serialHex}` });
      await writeAudit(tx, { actorId: userId, action: "reissue.completed", targetType: "Order", targetId: orderId, data: { orderId, oldSerial: old.serialHex, newSerial: issued.serialHex }, ip });
    },
  });
  const c = issued!;
  return { wrapKey, certificate: { id: c.id, usage: c.usage, serialHex: c.serialHex, keyShareId: c.keyShareId!, orderId: c.orderId, pem: c.pem, notAfter: c.notAfter } };
}
