import { redirect } from "next/navigation";
import { findOpenStepCheck } from "./find-open-step-check";
import { readDraft } from "./order-draft.types";
import { HANDLER_METHODS } from "./save-handler-step.types";
import { stepBefore, wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The handler step (unit): needs the enterprise first; the methods the channel allows, the open check. */
export async function loadHandlerStep({ order }: WizardStepContext) {
  const draft = readDraft(order.draft);
  if (!draft.enterprise) redirect(wizardPath(order, "enterprise"));
  return {
    orderId: order.id,
    methods: HANDLER_METHODS.filter((m) => order.channel.allowedMethods.includes(m)),
    enterprise: draft.enterprise,
    defaults: draft.handler,
    initialCheck: order.offline ? null : await findOpenStepCheck({ orderId: order.id, checkId: draft.checks?.handler }),
    canOffline: Boolean(order.channel.mailingAddress) && !order.offline && order.kind === "NEW",
    backHref: wizardPath(order, stepBefore(order, "handler")),
  };
}
