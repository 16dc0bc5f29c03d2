import { INDIVIDUAL_METHODS, UNIT_METHODS } from "./save-method-step.types";
import type { WizardStepContext } from "./wizard-order.types";

/** The method step: the verification methods the order's channel offers for its subject type. */
export async function loadMethodStep({ order }: WizardStepContext) {
  const isUnit = order.subjectType === "UNIT";
  const forKind: readonly string[] = isUnit ? UNIT_METHODS : INDIVIDUAL_METHODS;
  return {
    orderId: order.id,
    kind: isUnit ? ("unit" as const) : ("individual" as const),
    methods: order.channel.allowedMethods.filter((m) => forKind.includes(m)),
    defaultMethod: order.verificationMethod,
  };
}
