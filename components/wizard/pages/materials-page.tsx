import { maskPhone } from "@/lib/server/auth/session-user";
import { getAuthorizationStatus } from "@/lib/server/orders/get-authorization-status";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { loadWizardOrder } from "../load-wizard-order";
import { MaterialsStep } from "../materials-step";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

export async function MaterialsPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { user, order } = await loadWizardOrder({ orderId, kind, step: "materials" });
  const { enterprise, handler } = readDraft(order.draft);
  const needsAuthorization = kind === "unit" && Boolean(enterprise && handler && !handler.isLegalRep);
  const auth = needsAuthorization ? await getAuthorizationStatus({ userId: user.id, orderId: order.id }) : null;
  return (
    <WizardFrame order={order} step="materials">
      <MaterialsStep
        orderId={order.id}
        kinds={kind === "unit" ? ["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK"] : ["ID_FRONT", "ID_BACK"]}
        authorization={needsAuthorization ? { legalRepPhone: maskPhone(enterprise!.legalRepPhone), initial: auth && { status: auth.status, phone: auth.phone, signedAt: auth.signedAt } } : null}
        backHref={wizardPath(order, "confirm")}
      />
    </WizardFrame>
  );
}
