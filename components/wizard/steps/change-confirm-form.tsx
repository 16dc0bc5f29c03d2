"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useT } from "@/lib/i18n/client";
import { submitChangeAction } from "@/lib/actions/orders/change-actions";
import { useStepAction } from "../use-step-action";
import styles from "../wizard.module.css";

export function ChangeConfirmForm({ orderId, backHref }: { orderId: string; backHref: string }) {
  const t = useT();
  const [acknowledged, setAcknowledged] = useState(false);
  const { run, go, error, isBusy } = useStepAction();
  async function onClick() {
    const data = await run(() => submitChangeAction(orderId, acknowledged));
    if (data) go(data.nextPath);
  }
  return (
    <>
      <Checkbox label={t("lifecycleChange.confirm.acknowledge")} checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} data-testid="change-acknowledge" />
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" onClick={onClick} isLoading={isBusy} disabled={!acknowledged} data-testid="change-submit">
          {t("lifecycleChange.confirm.submit")}
        </Button>
      </div>
    </>
  );
}
