"use client";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { confirmChangeInfoAction } from "@/lib/actions/orders/change-actions";
import { useStepAction } from "../use-step-action";
import styles from "../wizard.module.css";

export function ChangeInfoButton({ orderId }: { orderId: string }) {
  const t = useT();
  const { run, go, error, isBusy } = useStepAction();
  async function onClick() {
    const data = await run(() => confirmChangeInfoAction(orderId));
    if (data) go(data.nextPath);
  }
  return (
    <>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href="/change" variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" onClick={onClick} isLoading={isBusy} data-testid="change-info-next">
          {t("lifecycleChange.info.next")}
        </Button>
      </div>
    </>
  );
}
