import { AppError, isAppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import type { OrgSignature } from "@/lib/generated/prisma/client";
import { bytesToHex, utf8ToBytes } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { applyApprovedRequest } from "./apply-approved-request";
import { grantAuthorizationRows } from "./grant-authorization-rows";
import { hasOrgPermission } from "./org-permissions";
import { orgSignaturePermission } from "./org-signature-permission";
import { ZOrgSignatureParams, type TOrgSignatureFailReason } from "./org-signature.types";
import { swapPrimaryAdmin } from "./swap-primary-admin";
import { notifyOrgRequest } from "./notify-org-request";

class SignatureRefused extends Error {
  constructor(readonly reason: TOrgSignatureFailReason) {
    super(reason);
  }
}

/**
 * Job org.apply_signature: the letter a member signed on the phone (the OrgSignature of this desk scan
 * request) takes effect once. Checked first, in the transaction that applies it: the scan's user is the
 * signer; the certificate used is a VALID SIGN certificate of THIS organization held by the signer; the
 * signer is still an ACTIVE member with the purpose's permission; the signed digest is the SM3 of the
 * letter kept here. Then PENDING → APPLIED (a conditional update: a doubled job applies nothing twice) and
 * the letter's effect, with org.signature_applied. A failed check, or an effect that no longer fits (the
 * request was answered meanwhile), leaves it FAILED with the reason and org.signature_failed.
 */
export async function applyOrgSignature({ scanRequestId }: { scanRequestId: string }): Promise<void> {
  const signature = await db.orgSignature.findUnique({ where: { scanRequestId } });
  if (!signature || signature.status !== "PENDING") return;
  try {
    await db.$transaction(async (tx) => {
      const serial = await check(tx, signature);
      const done = await tx.orgSignature.updateMany({
        where: { id: signature.id, status: "PENDING" },
        data: { status: "APPLIED", appliedAt: new Date(), certificateSerial: serial.serialHex, signatureHex: serial.cmsHex },
      });
      if (done.count === 0) return;
      await apply(tx, signature);
      await writeAudit(tx, { actorId: signature.signerId, action: "org.signature_applied", targetType: "organization", targetId: signature.orgId, data: { signatureId: signature.id, purpose: signature.purpose, serial: serial.serialHex } });
    });
  } catch (err) {
    const reason = err instanceof SignatureRefused ? err.reason : isAppError(err) ? "apply_failed" : null;
    if (!reason) throw err; // unexpected: the job retries
    await db.$transaction(async (tx) => {
      const failed = await tx.orgSignature.updateMany({ where: { id: signature.id, status: "PENDING" }, data: { status: "FAILED", failReason: reason } });
      if (failed.count === 1) await writeAudit(tx, { actorId: signature.signerId, action: "org.signature_failed", targetType: "organization", targetId: signature.orgId, data: { signatureId: signature.id, purpose: signature.purpose, reason } });
    });
  }
}

async function check(tx: Tx, signature: OrgSignature) {
  const scan = await tx.scanRequest.findUniqueOrThrow({ where: { id: signature.scanRequestId } });
  if (scan.status !== "COMPLETED" || scan.userId !== signature.signerId || !scan.certificateId) throw new SignatureRefused("wrong_signer");
  const certificate = await tx.certificate.findFirst({
    where: { id: scan.certificateId, userId: signature.signerId, orgId: signature.orgId, usage: "SIGN", status: "VALID", notAfter: { gt: new Date() } },
    select: { serialHex: true },
  });
  if (!certificate) throw new SignatureRefused("certificate_not_org");
  const params = signature.params as Record<string, unknown>;
  const requestKind =
    signature.purpose === "APPROVE_REQUEST" && typeof params.requestId === "string"
      ? (await tx.orgRequest.findUnique({ where: { id: params.requestId }, select: { kind: true } }))?.kind
      : null;
  const membership = await tx.membership.findFirst({ where: { orgId: signature.orgId, userId: signature.signerId, status: "ACTIVE", org: { deletedAt: null } }, select: { role: true } });
  if (!membership || !hasOrgPermission(membership.role, orgSignaturePermission(signature.purpose, requestKind))) throw new SignatureRefused("signer_not_member");
  const letterDigest = bytesToHex(sm3(utf8ToBytes(signature.letterText)));
  const payload = scan.payload as Record<string, unknown>;
  const result = (scan.result ?? {}) as Record<string, unknown>;
  const isSameLetter =
    payload.digest === letterDigest &&
    result.digest === letterDigest &&
    payload.data === Buffer.from(utf8ToBytes(signature.letterText)).toString("base64") &&
    typeof result.cms === "string";
  if (!isSameLetter) throw new SignatureRefused("data_mismatch");
  return { serialHex: certificate.serialHex, cmsHex: Buffer.from(result.cms as string, "base64").toString("hex") };
}

async function apply(tx: Tx, signature: OrgSignature) {
  const { orgId, signerId, id: signatureId } = signature;
  switch (signature.purpose) {
    case "APPROVE_REQUEST": {
      const { requestId } = ZOrgSignatureParams.APPROVE_REQUEST.parse(signature.params);
      return applyApprovedRequest(tx, { orgId, requestId, signerId, signatureId });
    }
    case "GRANT_AUTHORIZATION": {
      const { userId, platformIds } = ZOrgSignatureParams.GRANT_AUTHORIZATION.parse(signature.params);
      const membership = await tx.membership.findFirst({ where: { orgId, userId, status: "ACTIVE" }, select: { id: true } });
      if (!membership) throw new AppError("not_found");
      return grantAuthorizationRows(tx, { orgId, membershipId: membership.id, platformIds, grantedById: signerId, signatureId });
    }
    case "TRANSFER_ADMIN": {
      const { requestId, toUserId } = ZOrgSignatureParams.TRANSFER_ADMIN.parse(signature.params);
      const done = await tx.orgRequest.updateMany({
        where: { id: requestId, orgId, kind: "TRANSFER_ADMIN", requesterId: signerId, targetUserId: toUserId, status: "PENDING_ADMIN" },
        data: { status: "APPROVED", decidedById: signerId, decidedAt: new Date() },
      });
      if (done.count === 0) throw new AppError("conflict");
      await swapPrimaryAdmin(tx, { orgId, fromUserId: signerId, toUserId, actorId: signerId, via: "certificate", requestId });
      await writeAudit(tx, { actorId: signerId, action: "org.request_approved", targetType: "organization", targetId: orgId, data: { requestId, kind: "TRANSFER_ADMIN", stage: "PENDING_ADMIN", to: "APPROVED" } });
      await notifyOrgRequest(tx, { toUserId, orgId, kind: "TRANSFER_ADMIN", link: `/org/${orgId}`, event: "decided", outcome: "approved" });
      return;
    }
  }
}
