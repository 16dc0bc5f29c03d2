import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { HANDLER_METHODS } from "@/lib/server/orders/save-handler-step.types";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { Card } from "@/components/ui/card";
import { HandlerForm } from "../handler-form";
import { initialCheck } from "../initial-check";
import { loadWizardOrder } from "../load-wizard-order";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

export async function HandlerPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { order } = await loadWizardOrder({ orderId, kind, step: "handler" });
  const draft = readDraft(order.draft);
  if (!draft.enterprise) redirect(wizardPath(order, "enterprise"));
  const t = await getT();
  const methods = HANDLER_METHODS.filter((m) => order.channel.allowedMethods.includes(m));
  const check = order.offline ? null : await initialCheck({ orderId: order.id, checkId: draft.checks?.handler });
  return (
    <WizardFrame order={order} step="handler">
      <Card title={t("wizard.handler.title")}>
        <HandlerForm
          orderId={order.id}
          methods={methods}
          enterprise={draft.enterprise}
          defaults={draft.handler}
          initialCheck={check}
          canOffline={Boolean(order.channel.mailingAddress) && !order.offline}
          backHref={wizardPath(order, "enterprise")}
        />
      </Card>
    </WizardFrame>
  );
}
