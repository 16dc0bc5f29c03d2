"use client";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { confirmRenewInfoAction } from "@/lib/actions/orders/renew-actions";
import { useStepAction } from "../use-step-action";
import styles from "../wizard.module.css";

export function RenewInfoButton({ orderId }: { orderId: string }) {
  const t = useT();
  const { run, go, error, isBusy } = useStepAction();
  async function onClick() {
    const data = await run(() => confirmRenewInfoAction(orderId));
    if (data) go(data.nextPath);
  }
  return (
    <>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href="/renew" variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" onClick={onClick} isLoading={isBusy} data-testid="renew-info-next">
          {t("lifecycleRenew.step.next")}
        </Button>
      </div>
    </>
  );
}
