import { getT } from "@/lib/i18n/server";
import type { loadPayStep } from "@/lib/server/orders/load-pay-step";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PaymentPanel } from "@/components/payments/payment-panel";
import { formatFen } from "@/components/orders/format-fen";
import styles from "../wizard.module.css";

/** The last step: the payments domain's panel; on the mail-in path also the form and the address. */
export async function PayStep({ orderId, orderNo, amountFen, isOffline, isUnit, mailingAddress, isAutoApprove }: Awaited<ReturnType<typeof loadPayStep>>) {
  const t = await getT();
  return (
    <>
      {isOffline && (
        <Card title={t("wizard.offline.title")}>
          <div className={styles.form}>
            <p>{t(isUnit ? "wizard.offline.stepsUnit" : "wizard.offline.stepsIndividual")}</p>
            <p className={styles.address} data-testid="mailing-address">{t("wizard.offline.mailTo", { address: mailingAddress })}</p>
            <div>
              <ButtonLink href={`/api/orders/${orderId}/application-form`} variant="secondary" prefetch={false} data-testid="download-form">
                {t("wizard.offline.downloadForm")}
              </ButtonLink>
            </div>
          </div>
        </Card>
      )}
      <Card title={t("wizard.pay.title")} description={t("wizard.pay.lead", { no: orderNo, amount: formatFen(amountFen) })}>
        <div className={styles.form}>
          <Alert tone="info" isLive={false}>{isAutoApprove ? t("wizard.pay.autoApprove") : isOffline ? t("wizard.offline.lead") : t("wizard.pay.afterPay")}</Alert>
          <PaymentPanel orderId={orderId} amountFen={amountFen} />
        </div>
      </Card>
    </>
  );
}
