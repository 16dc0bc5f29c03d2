"use client";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MaterialUploader } from "@/components/materials/material-uploader";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { completeMaterialsAction } from "@/lib/actions/orders/step-actions";
import { AuthorizationPanel, type AuthorizationState } from "./authorization-panel";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

type Kind = "BUSINESS_LICENSE" | "HANDLER_ID_FRONT" | "HANDLER_ID_BACK" | "ID_FRONT" | "ID_BACK" | "CHANGE_NOTICE" | "REISSUE_FORM" | "AUTHORIZATION_LETTER" | "OTHER";

/** Step 5: the uploads (the materials domain's uploader) and, for a unit, the legal rep's authorization. */
export function MaterialsStep({
  orderId,
  kinds,
  authorization,
  backHref,
}: {
  orderId: string;
  kinds: Kind[];
  authorization: { legalRepPhone: string; initial: AuthorizationState } | null;
  backHref: string;
}) {
  const t = useT();
  const { run, go, error, isBusy } = useStepAction();
  async function next() {
    const data = await run(() => completeMaterialsAction(orderId));
    if (data) go(data.nextPath);
  }
  return (
    <>
      <Card title={t("wizard.materials.title")} description={t("wizard.materials.lead")}>
        <div className={styles.uploads}>
          {kinds.map((k) => (
            <MaterialUploader key={k} orderId={orderId} kind={k} label={t(`wizard.materials.${k}` as MessageKey)} accept="image/jpeg,image/png,application/pdf" />
          ))}
        </div>
      </Card>
      {authorization && (
        <Card title={t("wizard.authorization.title")}>
          <AuthorizationPanel orderId={orderId} legalRepPhone={authorization.legalRepPhone} initial={authorization.initial} />
        </Card>
      )}
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" onClick={next} isLoading={isBusy} data-testid="next">{t("wizard.materials.continue")}</Button>
      </div>
    </>
  );
}
