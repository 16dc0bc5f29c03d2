import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { requireMember } from "@/lib/server/org/require-member";
import { claimSubject } from "./claim-subject";
import { generateOrderNo } from "./generate-order-no";
import { readDraft, type TChangeBefore, type TOrderDraft } from "./order-draft.types";
import { wizardPath, wizardSteps } from "./wizard-steps";

/**
 * 证书变更: opens (or resumes) a CHANGE order for the caller's VALID signing certificate. An enterprise
 * certificate needs certs.manage (ADMIN, CERT_ADMIN; a MEMBER gets FORBIDDEN, the enterprise's
 * administrator changes the enterprise's details). The draft is prefilled with the subject as it is now
 * (the Organization's registered details for a unit, the person of the certificate's order), and keeps
 * that as `change.before`: the USCC / ID number must stay (a different one is a new certificate, 新办).
 * The order claims the subject (one unfinished order per USCC / ID number, under its advisory lock), so
 * parallel starts open one order. Returns the first step's path.
 */
export async function createChangeOrder({ userId, certificateId, now = new Date(), ip }: { userId: string; certificateId: string; now?: Date; ip?: string }) {
  const cert = await db.certificate.findFirst({
    where: { id: certificateId, userId, usage: "SIGN" },
    select: { id: true, serialHex: true, status: true, notAfter: true, orgId: true, subjectType: true, subjectName: true, orderId: true },
  });
  if (!cert) throw new AppError("not_found");
  if (cert.orgId) await requireMember({ userId, orgId: cert.orgId, permission: "certs.manage" });
  if (cert.status !== "VALID" || cert.notAfter <= now) throw new AppError("conflict", { userMessage: "lifecycleChange.errors.notValid" });
  const open = await db.order.findFirst({
    where: { kind: "CHANGE", changesCertificateId: certificateId, status: { in: ["DRAFT", "AWAITING_PAYMENT", "IN_REVIEW", "REJECTED", "APPROVED"] } },
    select: { id: true, kind: true, subjectType: true, status: true, step: true, userId: true },
  });
  if (open?.userId === userId && open.status === "DRAFT") return { orderId: open.id, nextPath: wizardPath(open, open.step) };
  if (open) throw new AppError("conflict", { userMessage: "lifecycleChange.errors.inProgress" });
  const source = cert.orderId ? await db.order.findUnique({ where: { id: cert.orderId }, include: { org: true } }) : null;
  if (!source?.subjectKey) throw new AppError("conflict", { userMessage: "lifecycleChange.errors.noSourceOrder" });

  const was = readDraft(source.draft);
  const isUnit = cert.subjectType === "UNIT";
  const org = isUnit && cert.orgId ? await db.organization.findUnique({ where: { id: cert.orgId } }) : null;
  let draft: TOrderDraft;
  let before: TChangeBefore;
  if (isUnit) {
    const e = was.enterprise;
    const current = {
      name: org?.name ?? e?.name ?? cert.subjectName,
      uscc: org?.uscc ?? e?.uscc ?? source.subjectKey,
      legalRepName: org?.legalRepName ?? e?.legalRepName ?? "",
      legalRepIdType: org?.legalRepIdType ?? e?.legalRepIdType ?? "RESIDENT_ID",
      legalRepIdNumber: org?.legalRepIdNumber ?? e?.legalRepIdNumber ?? "",
      legalRepPhone: org?.legalRepPhone ?? e?.legalRepPhone ?? "",
    };
    before = { type: "UNIT", name: current.name, uscc: current.uscc, legalRepName: current.legalRepName, legalRepIdNumber: current.legalRepIdNumber, legalRepPhone: current.legalRepPhone || null, address: org?.address ?? null };
    // The bank details (对公打款) come from the original application: the check is run again on the new details.
    draft = { enterprise: { ...e, ...current, ...(org?.address ? { address: org.address } : {}) }, change: { certificateId, before } };
  } else {
    const p = was.person;
    if (!p) throw new AppError("conflict", { userMessage: "lifecycleChange.errors.noSourceOrder" });
    before = { type: "INDIVIDUAL", name: p.name, idNumber: p.idNumber };
    draft = { person: p, change: { certificateId, before } };
  }
  // The check at the subject step is the one of the original application (a deposit for a unit by 对公打款).
  const method = source.verificationMethod ?? (isUnit ? "CORP_DEPOSIT" : "PHONE3");
  const subjectKey = isUnit ? (before as { uscc: string }).uscc : (before as { idNumber: string }).idNumber;
  const order = await db.$transaction(async (tx) => {
    const row = { kind: "CHANGE" as const, subjectType: cert.subjectType, offline: false };
    const created = await tx.order.create({
      data: {
        no: generateOrderNo(),
        userId,
        channelId: source.channelId,
        platformId: source.platformId,
        orgId: cert.orgId,
        ...row,
        verificationMethod: method,
        changesCertificateId: cert.id,
        step: wizardSteps(row)[0]!,
        draft: draft as object,
      },
    });
    await claimSubject(tx, { orderId: created.id, userId, subjectKey, subjectName: before.name });
    await tx.orderEvent.create({ data: { orderId: created.id, type: "created", toStatus: "DRAFT", actorId: userId, note: `changes ${cert.serialHex}` } });
    await writeAudit(tx, { actorId: userId, action: "order.created", targetType: "Order", targetId: created.id, data: { no: created.no, subjectType: created.subjectType }, ip });
    return created;
  });
  return { orderId: order.id, nextPath: wizardPath(order, order.step) };
}
