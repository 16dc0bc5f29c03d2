import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { checkPassed } from "./check-passed";
import { getDraftOrder } from "./get-draft-order";
import { readDraft } from "./order-draft.types";
import { ZHandlerStepSchema } from "./save-handler-step.types";
import { runStepCheck } from "./run-step-check";

/**
 * Step 3 of the unit wizard: the 经办人. When the legal representative handles it themselves and
 * was already verified in step 2 (phone, bank card or face), that check counts for this step too.
 */
export async function saveHandlerStep({ userId, orderId, input }: { userId: string; orderId: string; input: unknown }) {
  const data = ZHandlerStepSchema.parse(input);
  const { order, isVerified } = await db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const draft = readDraft(order.draft);
    if (!draft.enterprise) throw new AppError("conflict", { userMessage: "wizard.errors.previousStepMissing" });
    if (data.isLegalRep && data.idNumber !== draft.enterprise.legalRepIdNumber) {
      throw new AppError("validation_failed", { fields: { idNumber: ["wizard.errors.notLegalRep"] } });
    }
    const isSame = JSON.stringify(draft.handler) === JSON.stringify(data);
    const legalRepChecked = data.isLegalRep && order.verificationMethod !== "CORP_DEPOSIT" && (await checkPassed(tx, { orderId, checkId: draft.checks?.subject }));
    const isVerified = legalRepChecked || (isSame && (await checkPassed(tx, { orderId, checkId: draft.checks?.handler })));
    const checks = isVerified ? draft.checks : { ...draft.checks, handler: undefined };
    await tx.order.update({ where: { id: orderId }, data: { draft: { ...draft, handler: data, checks } } });
    // The handler is the account holder (same phone): the account remembers the e-mail for the next application.
    await tx.user.updateMany({ where: { id: userId, phone: data.phone }, data: { email: data.email } });
    return { order, isVerified };
  });
  return runStepCheck({
    userId,
    order,
    which: "handler",
    step: "handler",
    isVerified,
    method: data.method,
    role: "HANDLER",
    subject: { name: data.name, idType: data.idType, idNumber: data.idNumber, phone: data.phone, bankCard: data.method === "BANK4" ? data.bankCard : undefined },
  });
}
