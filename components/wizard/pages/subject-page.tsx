import { getT } from "@/lib/i18n/server";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { Card } from "@/components/ui/card";
import { EnterpriseForm } from "../enterprise-form";
import { initialCheck } from "../initial-check";
import { loadWizardOrder } from "../load-wizard-order";
import { PersonForm } from "../person-form";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

/** Step 2: the enterprise (unit) or the person (individual), and its identity check. */
export async function SubjectPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const step = kind === "unit" ? "enterprise" : "person";
  const { order } = await loadWizardOrder({ orderId, kind, step });
  const t = await getT();
  const draft = readDraft(order.draft);
  const method = order.verificationMethod ?? (kind === "unit" ? "CORP_DEPOSIT" : "PHONE3");
  const check = order.offline ? null : await initialCheck({ orderId: order.id, checkId: draft.checks?.subject });
  const common = { orderId: order.id, method, initialCheck: check, canOffline: Boolean(order.channel.mailingAddress) && !order.offline, backHref: wizardPath(order, "method") };
  return (
    <WizardFrame order={order} step={step}>
      <Card title={t(kind === "unit" ? "wizard.enterprise.title" : "wizard.person.title")}>
        {kind === "unit" ? <EnterpriseForm {...common} defaults={draft.enterprise} /> : <PersonForm {...common} defaults={draft.person} />}
      </Card>
    </WizardFrame>
  );
}
