import { getT } from "@/lib/i18n/server";
import { INDIVIDUAL_METHODS, UNIT_METHODS } from "@/lib/server/orders/save-method-step.types";
import { Card } from "@/components/ui/card";
import { loadWizardOrder } from "../load-wizard-order";
import { MethodForm } from "../method-form";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

export async function MethodPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { order } = await loadWizardOrder({ orderId, kind, step: "method" });
  const t = await getT();
  const forKind: readonly string[] = kind === "unit" ? UNIT_METHODS : INDIVIDUAL_METHODS;
  const methods = order.channel.allowedMethods.filter((m) => forKind.includes(m));
  return (
    <WizardFrame order={order} step="method">
      <Card title={t("wizard.method.title")} description={t("wizard.method.lead")}>
        <MethodForm orderId={order.id} kind={kind} methods={methods} defaultMethod={order.verificationMethod} />
      </Card>
    </WizardFrame>
  );
}
