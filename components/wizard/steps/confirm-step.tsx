import { getT } from "@/lib/i18n/server";
import type { loadConfirmStep } from "@/lib/server/orders/load-confirm-step";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "../confirm-button";
import { ConfirmView } from "../confirm-view";

export async function ConfirmStep({ order, platformName, isOffline, mailingAddress, backHref }: Awaited<ReturnType<typeof loadConfirmStep>>) {
  const t = await getT();
  return (
    <>
      <Alert tone="info" isLive={false} title={t("wizard.confirm.title")}>
        {t("wizard.confirm.lead")}
      </Alert>
      {isOffline && (
        <Alert tone="warning" isLive={false} title={t("wizard.offline.title")}>
          <p>{t(order.subjectType === "UNIT" ? "wizard.offline.stepsUnit" : "wizard.offline.stepsIndividual")}</p>
          <p>{t("wizard.offline.mailTo", { address: mailingAddress })}</p>
        </Alert>
      )}
      <ConfirmView order={order} platformName={platformName} />
      <ConfirmButton orderId={order.id} isOffline={isOffline} backHref={backHref} />
    </>
  );
}
