import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { revocableCertificate } from "@/lib/server/certs/revoke-access";
import { claimSubject } from "./claim-subject";
import { generateOrderNo } from "./generate-order-no";
import { readDraft } from "./order-draft.types";
import { readRevokeDraft } from "./revoke-draft";
import { wizardPath, wizardSteps } from "./wizard-steps";

/**
 * 证书吊销 on the desk: opens (or resumes) a REVOKE order for a VALID certificate the caller may
 * revoke (their own, or their enterprise's with certs.manage; NOT_FOUND / FORBIDDEN otherwise). The
 * order claims the certificate's subject like any application (one unfinished order per subject),
 * takes the original order's channel and check method, and is prefilled with the enterprise or person
 * as certified (never the original handler: that may be someone else). Returns the first step's path.
 */
export async function revokeStartOrder({ userId, certificateId, ip }: { userId: string; certificateId: string; ip?: string }) {
  const certificate = await revocableCertificate({ userId, certificateId });
  if (certificate.status !== "VALID") throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
  const original = certificate.orderId
    ? await db.order.findUnique({ where: { id: certificate.orderId }, select: { channelId: true, subjectKey: true, subjectName: true, verificationMethod: true, draft: true, orgId: true } })
    : null;
  if (!original?.subjectKey) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.noCertificate" });
  const subjectKey = original.subjectKey;
  const mine = await db.order.findFirst({ where: { userId, kind: "REVOKE", status: "DRAFT", subjectKey }, select: { id: true, kind: true, subjectType: true, step: true, draft: true } });
  if (mine && readRevokeDraft(mine.draft).revoke?.certificateId === certificateId) return { orderId: mine.id, path: wizardPath(mine, mine.step) };

  const isUnit = certificate.subjectType === "UNIT";
  const prior = readDraft(original.draft);
  const method = isUnit ? (original.verificationMethod ?? "CORP_DEPOSIT") : original.verificationMethod && original.verificationMethod !== "PERSONAL_DEPOSIT" ? original.verificationMethod : "PHONE3";
  const order = await db.$transaction(async (tx) => {
    const steps = wizardSteps({ kind: "REVOKE", subjectType: certificate.subjectType, offline: false });
    const created = await tx.order.create({
      data: {
        no: generateOrderNo(),
        userId,
        channelId: original.channelId,
        orgId: certificate.orgId,
        kind: "REVOKE",
        subjectType: certificate.subjectType,
        step: steps[0]!,
        verificationMethod: method,
        draft: { revoke: { certificateId }, ...(isUnit ? { enterprise: prior.enterprise } : { person: prior.person && certificate.userId === userId ? prior.person : undefined }) },
      },
    });
    await claimSubject(tx, { orderId: created.id, userId, subjectKey, subjectName: original.subjectName ?? certificate.subjectName });
    await tx.orderEvent.create({ data: { orderId: created.id, type: "created", toStatus: "DRAFT", actorId: userId } });
    await writeAudit(tx, { actorId: userId, action: "order.created", targetType: "Order", targetId: created.id, data: { no: created.no, subjectType: created.subjectType }, ip });
    return created;
  });
  return { orderId: order.id, path: wizardPath(order, order.step) };
}
