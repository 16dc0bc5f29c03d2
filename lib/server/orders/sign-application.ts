import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { checkVerificationCode } from "@/lib/server/auth/check-verification-code";
import { AGREEMENT_VERSION, hashAgreement } from "./agreement";
import { applicationContent } from "./application-content";
import { firstIncompleteStep } from "./first-incomplete-step";
import { getDraftOrder } from "./get-draft-order";
import { getOrderForUser } from "./get-order-for-user";
import { missingMaterials } from "./missing-materials";
import { missingMaterialsError } from "./missing-materials-error";
import { signerPhone } from "./signer-phone";
import { submitOrder } from "./submit-order";
import { ZSignApplicationSchema } from "./sign-application.types";

/**
 * Step 6: the handler's SMS code plus the ticked agreement bind the application. Stores the
 * agreement version, a hash of exactly what was agreed and when, then submits the order.
 */
export async function signApplication({ userId, orderId, input, ip }: { userId: string; orderId: string; input: unknown; ip?: string }) {
  const { code } = ZSignApplicationSchema.parse(input);
  const before = await getOrderForUser({ userId, orderId });
  if (before.status !== "DRAFT") throw new AppError("conflict", { userMessage: "orders.errors.notDraft" });
  const phone = signerPhone(before);
  if (!phone) throw new AppError("conflict", { userMessage: "wizard.errors.previousStepMissing" });
  // Outside the transaction on purpose: a wrong guess must count even if the rest fails.
  try {
    await checkVerificationCode({ phone, purpose: "SIGN_APPLICATION", code, context: orderId });
  } catch (err) {
    // Shown next to the code field, not only at the top of the form.
    if (err instanceof AppError) throw new AppError(err.code, { userMessage: err.userMessage, params: err.params, fields: { code: [err.userMessage] } });
    throw err;
  }
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    if (await firstIncompleteStep(order, tx)) throw new AppError("conflict", { userMessage: "wizard.errors.incomplete" });
    const missing = await missingMaterials(order, tx);
    if (missing.length > 0) throw new AppError("conflict", { userMessage: missingMaterialsError(missing).userMessage });
    const now = new Date();
    await tx.order.update({
      where: { id: orderId },
      data: { agreementVersion: AGREEMENT_VERSION, agreementHash: hashAgreement(applicationContent(order)), agreedAt: now, signedAt: now },
    });
    return submitOrder(tx, { orderId, actorId: userId, ip });
  });
}
