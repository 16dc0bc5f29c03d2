import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/server/db/client";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PaymentPanel } from "@/components/payments/payment-panel";
import { formatFen } from "@/components/orders/format-fen";
import { loadWizardOrder } from "../load-wizard-order";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";
import styles from "../wizard.module.css";

/** The last step: the payments domain's panel; on the mail-in path also the form and the address. */
export async function PayPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { order } = await loadWizardOrder({ orderId, kind, step: "pay" });
  if (order.status !== "AWAITING_PAYMENT") redirect(`/orders/${order.id}`);
  const t = await getT();
  const amount = order.priceFen ?? 0;
  const isAutoApprove =
    !order.offline &&
    order.subjectType === "INDIVIDUAL" &&
    order.channel.autoApproveIndividual &&
    Boolean(await db.identityCheck.findFirst({ where: { orderId: order.id, role: "APPLICANT", status: "PASSED" }, select: { id: true } }));
  return (
    <WizardFrame order={order} step="pay">
      {order.offline && (
        <Card title={t("wizard.offline.title")}>
          <div className={styles.form}>
            <p>{t("wizard.offline.steps")}</p>
            <p className={styles.address} data-testid="mailing-address">{t("wizard.offline.mailTo", { address: order.channel.mailingAddress ?? "" })}</p>
            <div>
              <ButtonLink href={`/api/orders/${order.id}/application-form`} variant="secondary" prefetch={false} data-testid="download-form">
                {t("wizard.offline.downloadForm")}
              </ButtonLink>
            </div>
          </div>
        </Card>
      )}
      <Card title={t("wizard.pay.title")} description={t("wizard.pay.lead", { no: order.no, amount: formatFen(amount) })}>
        <div className={styles.form}>
          <Alert tone="info" isLive={false}>{isAutoApprove ? t("wizard.pay.autoApprove") : order.offline ? t("wizard.offline.lead") : t("wizard.pay.afterPay")}</Alert>
          <PaymentPanel orderId={order.id} amountFen={amount} />
        </div>
      </Card>
    </WizardFrame>
  );
}
