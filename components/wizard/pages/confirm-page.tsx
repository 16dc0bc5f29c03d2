import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/server/db/client";
import { firstIncompleteStep } from "@/lib/server/orders/first-incomplete-step";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "../confirm-button";
import { ConfirmView } from "../confirm-view";
import { loadWizardOrder } from "../load-wizard-order";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

export async function ConfirmPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { order } = await loadWizardOrder({ orderId, kind, step: "confirm" });
  // Data edited after the fact (or a check that never passed) sends the user back there first.
  const missing = await firstIncompleteStep(order);
  if (missing) redirect(wizardPath(order, missing));
  const t = await getT();
  const platform = order.platformId ? await db.tradingPlatform.findUnique({ where: { id: order.platformId }, select: { name: true } }) : null;
  return (
    <WizardFrame order={order} step="confirm">
      <Alert tone="info" isLive={false} title={t("wizard.confirm.title")}>
        {t("wizard.confirm.lead")}
      </Alert>
      {order.offline && (
        <Alert tone="warning" isLive={false} title={t("wizard.offline.title")}>
          <p>{t("wizard.offline.steps")}</p>
          <p>{t("wizard.offline.mailTo", { address: order.channel.mailingAddress ?? "" })}</p>
        </Alert>
      )}
      <ConfirmView order={order} platformName={platform?.name ?? null} />
      <ConfirmButton orderId={order.id} isOffline={order.offline} backHref={wizardPath(order, "goods")} />
    </WizardFrame>
  );
}
