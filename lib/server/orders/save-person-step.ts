import { AppError } from "@/lib/errors";
import { reuseAccountRealName } from "@/lib/server/identity/reuse-account-real-name";
import { db, type Tx } from "@/lib/db/client";
import { claimSubject } from "./claim-subject";
import { checkPassed } from "./check-passed";
import { getDraftOrder } from "./get-draft-order";
import { readDraft } from "./order-draft.types";
import { personStepSchema, type TPersonStep } from "./save-person-step.types";
import { runStepCheck } from "./run-step-check";

/**
 * Step 2 of the individual wizard: the applicant, their ID number as the subject key, then real-name verification —
 * not asked again of the account's verified person on its own number (实名认证 once: reuseAccountRealName).
 */
export async function savePersonStep({ userId, orderId, input }: { userId: string; orderId: string; input: unknown }) {
  const saved = await db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const data: TPersonStep = personStepSchema(order.verificationMethod).parse(input);
    const draft = readDraft(order.draft);
    // A renewal's check is of the certificate's holder: the name and ID number it was issued to.
    if (order.kind === "RENEW" && !(await isRenewedSubject(tx, { certificateId: order.renewsCertificateId, data }))) {
      throw new AppError("validation_failed", { userMessage: "lifecycleRenew.errors.subjectMismatch", fields: { idNumber: ["lifecycleRenew.errors.subjectMismatch"] } });
    }
    // A change keeps the ID number: only the name changes (docs/lifecycle.md).
    if (order.kind === "CHANGE" && draft.change?.before.type === "INDIVIDUAL" && data.idNumber !== draft.change.before.idNumber) {
      throw new AppError("validation_failed", { userMessage: "lifecycleChange.errors.idNumberFixed", fields: { idNumber: ["lifecycleChange.errors.idNumberFixed"] } });
    }
    const isSame = JSON.stringify(draft.person) === JSON.stringify(data);
    const isVerified = isSame && (await checkPassed(tx, { orderId, checkId: draft.checks?.subject }));
    await claimSubject(tx, { orderId, userId, subjectKey: data.idNumber, subjectName: data.name });
    const checks = isVerified ? draft.checks : { ...draft.checks, subject: undefined };
    await tx.order.update({ where: { id: orderId }, data: { draft: { ...draft, person: data, checks } } });
    // The applicant's own e-mail: the account remembers it for the next application (and its notices).
    await tx.user.update({ where: { id: userId }, data: { email: data.email } });
    return { order, data, isVerified };
  });
  const { order, data } = saved;
  let { isVerified } = saved;
  if (!isVerified && !order.offline && (order.verificationMethod ?? "PHONE3") === "PHONE3") {
    const checkId = await reuseAccountRealName({ userId, orderId, person: data });
    if (checkId) {
      const fresh = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { draft: true } });
      const draft = readDraft(fresh.draft);
      await db.order.update({ where: { id: orderId }, data: { draft: { ...draft, checks: { ...draft.checks, subject: checkId } } } });
      isVerified = true;
    }
  }
  return runStepCheck({
    userId,
    order,
    which: "subject",
    step: "person",
    isVerified,
    method: order.verificationMethod ?? "PHONE3",
    role: "APPLICANT",
    subject: { name: data.name, idType: data.idType, idNumber: data.idNumber, phone: data.phone, bankCard: data.bankCard, bankName: data.bankName },
  });
}

async function isRenewedSubject(tx: Tx, { certificateId, data }: { certificateId: string | null; data: TPersonStep }): Promise<boolean> {
  if (!certificateId) return false;
  const cert = await tx.certificate.findUnique({ where: { id: certificateId }, select: { order: { select: { subjectKey: true, draft: true } } } });
  const person = cert?.order ? readDraft(cert.order.draft).person : undefined;
  return Boolean(cert?.order && cert.order.subjectKey === data.idNumber && person?.name === data.name && person.idType === data.idType);
}
