import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { assertOrganizationClaimable } from "@/lib/server/org/assert-organization-claimable";
import { claimSubject } from "./claim-subject";
import { checkPassed } from "./check-passed";
import { getDraftOrder } from "./get-draft-order";
import { readDraft } from "./order-draft.types";
import { enterpriseStepSchema, type TEnterpriseStep } from "./save-enterprise-step.types";
import { runStepCheck } from "./run-step-check";

/**
 * Step 2 of the unit wizard: saves the enterprise, claims its USCC (one unfinished order per
 * subject) and starts the verification the applicant chose: the micro-deposit to the corporate
 * account, or the legal representative's phone / bank card / face. Unchanged data that already
 * passed is not checked again (a user coming back to look must not pay for a second check).
 * An enterprise registered with an administrator is joined (加入企业), not claimed again: CONFLICT.
 */
export async function saveEnterpriseStep({ userId, orderId, input }: { userId: string; orderId: string; input: unknown }) {
  const { order, data, isVerified } = await db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const data: TEnterpriseStep = enterpriseStepSchema(order.verificationMethod).parse(input);
    // A change keeps the USCC: a different one is another enterprise, a new certificate (新办).
    const kept = readDraft(order.draft).change?.before;
    if (order.kind === "CHANGE" && kept?.type === "UNIT" && data.uscc !== kept.uscc) {
      throw new AppError("validation_failed", { userMessage: "lifecycleChange.errors.usccFixed", fields: { uscc: ["lifecycleChange.errors.usccFixed"] } });
    }
    await assertOrganizationClaimable(tx, { userId, uscc: data.uscc });
    const draft = readDraft(order.draft);
    const isSame = JSON.stringify(draft.enterprise) === JSON.stringify(data);
    const isVerified = isSame && (await checkPassed(tx, { orderId, checkId: draft.checks?.subject }));
    await claimSubject(tx, { orderId, userId, subjectKey: data.uscc, subjectName: data.name });
    const checks = isVerified ? draft.checks : { ...draft.checks, subject: undefined };
    await tx.order.update({ where: { id: orderId }, data: { draft: { ...draft, enterprise: data, checks } } });
    return { order, data, isVerified };
  });
  const method = order.verificationMethod ?? "CORP_DEPOSIT";
  const isCorp = method === "CORP_DEPOSIT";
  return runStepCheck({
    userId,
    order,
    which: "subject",
    step: "enterprise",
    isVerified,
    method,
    role: isCorp ? "ENTERPRISE" : "LEGAL_REP",
    subject: isCorp
      ? { name: data.name, uscc: data.uscc, bankAccount: data.bankAccount, bankName: data.bankName, bankBranch: data.bankBranch }
      : { name: data.legalRepName, idType: data.legalRepIdType, idNumber: data.legalRepIdNumber, phone: data.legalRepPhone, bankCard: data.legalRepBankCard },
  });
}
