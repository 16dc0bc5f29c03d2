"use client";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { confirmOrderAction } from "@/lib/actions/orders/step-actions";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

export function ConfirmButton({ orderId, isOffline, backHref }: { orderId: string; isOffline: boolean; backHref: string }) {
  const t = useT();
  const { run, go, error, isBusy } = useStepAction();
  async function onClick() {
    const data = await run(() => confirmOrderAction(orderId));
    if (data) go(data.nextPath);
  }
  return (
    <>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" onClick={onClick} isLoading={isBusy} data-testid="confirm">
          {isOffline ? t("wizard.confirm.submitOffline") : t("wizard.confirm.confirm")}
        </Button>
      </div>
    </>
  );
}
