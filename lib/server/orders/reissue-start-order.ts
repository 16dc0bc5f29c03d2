import { AppError } from "@/lib/errors";
import { hexToBytes } from "@/lib/pki/encoding";
import { isValidPublicKey } from "@/lib/pki/sm2";
import { db } from "@/lib/db/client";
import { safeEqual } from "@/lib/db/keyed-hash";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { openKeyRecovery } from "@/lib/server/escrow/request-key-recovery";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { matchesVerifiedPerson } from "@/lib/server/identity/matches-verified-person";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { claimSubject } from "./claim-subject";
import { generateOrderNo } from "./generate-order-no";
import { holderOfOrder } from "./holder-of-order";
import { readDraft } from "./order-draft.types";
import { REISSUE_LIMITS, ZStartReissueSchema } from "./reissue.types";
import { transitionOrder } from "./transition-order";

type RefusalReason = "not_holder" | "not_account_identity" | "check_failed";

/**
 * 证书补办 / 找回, from the holder's new phone (docs/lifecycle.md). The caller must be the account the
 * certificate pair was issued to, and the person typed must be its holder as verified then (the
 * applicant of an individual certificate, the handler of a unit's) and the account's first verified
 * identity (实名认证, which never changes); then a PHONE3 check of that person must pass now. A
 * mismatch or a failed check is refused with a clear message and audited (reissue.identity_refused,
 * without the typed data); attempts are limited per account (REISSUE_LIMITS), taken atomically before
 * any check. Then, in one transaction: a REISSUE order (free, no payment) IN_REVIEW for the CA's
 * review queue, with a key recovery of the encryption share to this phone's transport key — the
 * escrow is released only when a reviewer approves the order (reissue-decide-recovery.ts). Where the
 * channel asks for the stamped 补办申请表 (Channel.reissueNeedsForm), the order waits as a DRAFT
 * (step reissue-form) until the holder uploads it (saveMaterial moves it to IN_REVIEW).
 */
export async function reissueStartOrder({ userId, input, ip }: { userId: string; input: unknown; ip?: string }) {
  const data = ZStartReissueSchema.parse(input);
  if (!isValidPublicKey(hexToBytes(data.transportPublicKey))) throw new AppError("validation_failed", { fields: { transportPublicKey: ["phone.errors.transportKey"] } });
  const target = await db.certificate.findFirst({ where: { id: data.certificateId, userId }, select: { orderId: true } });
  if (!target?.orderId) throw new AppError("not_found");
  const original = await db.order.findUniqueOrThrow({
    where: { id: target.orderId },
    select: { id: true, channelId: true, channel: { select: { reissueNeedsForm: true } }, orgId: true, subjectType: true, subjectKey: true, subjectName: true, verificationMethod: true, draft: true, user: { select: { phone: true } } },
  });
  const now = new Date();
  const pair = await db.certificate.findMany({ where: { orderId: original.id, userId, status: "VALID", notAfter: { gt: now } }, select: { id: true, usage: true, keyShareId: true } });
  const sign = pair.find((c) => c.usage === "SIGN");
  const encrypt = pair.find((c) => c.usage === "ENCRYPT");
  if (!sign || !encrypt?.keyShareId || !original.subjectKey) throw new AppError("gone", { userMessage: "lifecycleReissue.errors.notValid" });

  await consumeRateLimit(db, `reissue:user:${userId}`, REISSUE_LIMITS);
  const holder = holderOfOrder(original);
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { realName: true, idNumberMasked: true, idNumberHash: true, realNameVerifiedAt: true } });
  const refuse = async (reason: RefusalReason, message: string): Promise<never> => {
    await db.$transaction((tx) =>
      writeAudit(tx, { actorId: userId, action: "reissue.identity_refused", targetType: "Certificate", targetId: sign.id, data: { certificateId: sign.id, reason }, ip }),
    );
    throw new AppError("forbidden", { userMessage: message, fields: reason === "check_failed" ? undefined : { idNumber: [message] } });
  };
  if (!safeEqual(data.idNumber, holder.idNumber) || data.name.trim() !== holder.name.trim()) await refuse("not_holder", "lifecycleReissue.errors.notHolder");
  if (!matchesVerifiedPerson(account, data)) await refuse("not_account_identity", "lifecycleReissue.errors.notAccountIdentity");
  const check = await startIdentityCheck({ userId, method: "PHONE3", role: holder.role, subject: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone } });
  if (check.status !== "PASSED") await refuse("check_failed", "lifecycleReissue.errors.checkFailed");

  const prior = readDraft(original.draft);
  const needsForm = original.channel.reissueNeedsForm;
  return db.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        no: generateOrderNo(),
        userId,
        channelId: original.channelId,
        orgId: original.orgId,
        kind: "REISSUE",
        subjectType: original.subjectType,
        step: needsForm ? "reissue-form" : "reissue",
        verificationMethod: original.verificationMethod,
        priceFen: 0,
        years: null,
        draft: {},
      },
      select: { id: true, no: true, subjectType: true },
    });
    // The check belongs to the order from now on: the reviewer sees it with the order.
    await tx.identityCheck.update({ where: { id: check.checkId }, data: { orderId: created.id } });
    await claimSubject(tx, { orderId: created.id, userId, subjectKey: original.subjectKey!, subjectName: original.subjectName ?? "" });
    const recovery = await openKeyRecovery(tx, { userId, keyShareId: encrypt.keyShareId!, transportPublicKey: data.transportPublicKey, ip });
    const reissue = { certificateId: sign.id, originalOrderId: original.id, encryptCertificateId: encrypt.id, recoveryId: recovery.id, identityCheckId: check.checkId, ...(needsForm ? { needsForm: true as const } : {}) };
    const holderData = original.subjectType === "UNIT" ? { enterprise: prior.enterprise, handler: prior.handler } : { person: prior.person };
    await tx.order.update({ where: { id: created.id }, data: { draft: { ...holderData, checks: { [original.subjectType === "UNIT" ? "handler" : "subject"]: check.checkId }, reissue } } });
    await tx.orderEvent.create({ data: { orderId: created.id, type: "created", toStatus: "DRAFT", actorId: userId } });
    await writeAudit(tx, { actorId: userId, action: "order.created", targetType: "Order", targetId: created.id, data: { no: created.no, subjectType: created.subjectType }, ip });
    if (!needsForm) await transitionOrder(tx, { orderId: created.id, to: "IN_REVIEW", actorId: userId, type: "submitted", ip, data: { submittedAt: new Date() } });
    await writeAudit(tx, { actorId: userId, action: "reissue.requested", targetType: "Order", targetId: created.id, data: { orderId: created.id, certificateId: sign.id, recoveryId: recovery.id, identityCheckId: check.checkId }, ip });
    return { orderId: created.id, no: created.no, status: needsForm ? ("DRAFT" as const) : ("IN_REVIEW" as const), recoveryId: recovery.id, keyShareId: encrypt.keyShareId! };
  });
}

