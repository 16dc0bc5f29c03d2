import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { checkPassed } from "./check-passed";
import { findAccountEmail } from "./find-account-email";
import { findOpenStepCheck } from "./find-open-step-check";
import { readDraft } from "./order-draft.types";
import { HANDLER_METHODS } from "./save-handler-step.types";
import { stepBefore, wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The handler step (unit): needs the enterprise first; the methods the channel allows, the open check. */
export async function loadHandlerStep({ user, order }: WizardStepContext) {
  const draft = readDraft(order.draft);
  if (!draft.enterprise) redirect(wizardPath(order, "enterprise"));
  return {
    orderId: order.id,
    methods: HANDLER_METHODS.filter((m) => order.channel.allowedMethods.includes(m)),
    enterprise: draft.enterprise,
    // The legal representative's own check of step 1/2 (phone, bank card or face) counts for a legal representative
    // who handles it themselves (saveHandlerStep): the form does not ask for a handler check again.
    legalRepCheckedBy: order.verificationMethod && order.verificationMethod !== "CORP_DEPOSIT" && (await checkPassed(db, { orderId: order.id, checkId: draft.checks?.subject })) ? order.verificationMethod : null,
    defaults: draft.handler ?? { email: (await findAccountEmail({ userId: user.id })) ?? undefined },
    initialCheck: order.offline ? null : await findOpenStepCheck({ orderId: order.id, checkId: draft.checks?.handler }),
    canOffline: Boolean(order.channel.mailingAddress) && !order.offline && order.kind === "NEW",
    backHref: wizardPath(order, stepBefore(order, "handler")),
  };
}
