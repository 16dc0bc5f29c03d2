import { maskPhone } from "@/lib/server/auth/session-user";
import { signerPhone } from "./signer-phone";
import { stepBefore, wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The sign step: the masked number the signing code goes to. */
export async function loadSignStep({ order }: WizardStepContext) {
  return { orderId: order.id, isUnit: order.subjectType === "UNIT", maskedPhone: maskPhone(signerPhone(order) ?? ""), backHref: wizardPath(order, stepBefore(order, "sign")) };
}
