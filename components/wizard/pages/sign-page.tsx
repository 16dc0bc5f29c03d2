import { getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/server/auth/session-user";
import { AGREEMENT_VERSION } from "@/lib/server/orders/agreement";
import { signerPhone } from "@/lib/server/orders/signer-phone";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { Card } from "@/components/ui/card";
import { loadWizardOrder } from "../load-wizard-order";
import { SignForm } from "../sign-form";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

export async function SignPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { order } = await loadWizardOrder({ orderId, kind, step: "sign" });
  const t = await getT();
  return (
    <WizardFrame order={order} step="sign">
      <Card title={t("wizard.sign.title")} description={t("wizard.sign.lead")}>
        <SignForm
          orderId={order.id}
          maskedPhone={maskPhone(signerPhone(order) ?? "")}
          agreementTitle={t("wizard.sign.agreementTitle", { version: AGREEMENT_VERSION })}
          agreementText={t("wizard.sign.agreementText")}
          backHref={wizardPath(order, "materials")}
        />
      </Card>
    </WizardFrame>
  );
}
