import { maskPhone } from "@/lib/server/auth/session-user";
import { getAuthorizationStatus } from "./get-authorization-status";
import { changeMaterialKinds } from "./change-materials";
import { readDraft } from "./order-draft.types";
import { wizardPath, wizardSteps } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The materials step: the kinds to upload and, for a handler who is not the legal representative, the authorization's state. */
export async function loadMaterialsStep({ user, order }: WizardStepContext) {
  const isUnit = order.subjectType === "UNIT";
  const { enterprise, handler } = readDraft(order.draft);
  const needsAuthorization = isUnit && order.kind !== "CHANGE" && Boolean(enterprise && handler && !handler.isLegalRep);
  const auth = needsAuthorization ? await getAuthorizationStatus({ userId: user.id, orderId: order.id }) : null;
  return {
    orderId: order.id,
    kinds:
      order.kind === "CHANGE"
        ? changeMaterialKinds(order.channel, order.subjectType)
        : isUnit ? (["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK"] as const) : (["ID_FRONT", "ID_BACK"] as const),
    authorization: needsAuthorization ? { legalRepPhone: maskPhone(enterprise!.legalRepPhone), initial: auth && { status: auth.status, phone: auth.phone, signedAt: auth.signedAt } } : null,
    // The step before it in this order's wizard (confirm for an application, the handler or person check for a revocation).
    backHref: wizardPath(order, wizardSteps(order)[wizardSteps(order).indexOf("materials") - 1] ?? "confirm"),
  };
}
