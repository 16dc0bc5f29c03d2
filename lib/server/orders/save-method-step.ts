import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { readDraft } from "./order-draft.types";
import { getDraftOrder } from "./get-draft-order";
import { INDIVIDUAL_METHODS, UNIT_METHODS, ZMethodStepSchema } from "./save-method-step.types";
import { furthestStep } from "./wizard-steps";

/** Step 1: the verification method (only those the channel allows for this kind of subject) and the user agreement. */
export async function saveMethodStep({ userId, orderId, input }: { userId: string; orderId: string; input: unknown }) {
  const { method } = ZMethodStepSchema.parse(input);
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const forKind: readonly string[] = order.subjectType === "UNIT" ? UNIT_METHODS : INDIVIDUAL_METHODS;
    if (!forKind.includes(method) || !order.channel.allowedMethods.includes(method)) {
      throw new AppError("validation_failed", { fields: { method: ["wizard.errors.methodNotAllowed"] } });
    }
    const draft = readDraft(order.draft);
    const subjectStep = order.subjectType === "UNIT" ? "enterprise" : "person";
    // A different method means a different check: the subject must be verified again.
    const isChanged = order.verificationMethod !== method;
    const next = {
      ...draft,
      agreedUserAgreementAt: new Date().toISOString(),
      checks: isChanged ? { ...draft.checks, subject: undefined } : draft.checks,
    };
    return tx.order.update({
      where: { id: orderId },
      data: {
        verificationMethod: method,
        draft: next,
        step: isChanged && order.step !== "method" ? subjectStep : furthestStep(order, order.step, subjectStep),
      },
    });
  });
}
