"use client";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MaterialUploader } from "@/components/materials/material-uploader";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { completeMaterialsAction } from "@/lib/actions/orders/step-actions";
import { AuthorizationPanel, type AuthorizationState } from "./authorization-panel";
import { useState } from "react";
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
  // What 下一步 found missing (the refusal's fields): named in the message, marked on the cards.
  const [missing, setMissing] = useState<string[]>([]);
  async function next() {
    const data = await run(async () => {
      const res = await completeMaterialsAction(orderId);
      setMissing(res.ok ? [] : Object.keys(res.error.fields ?? {}));
      return res;
    });
    if (data) go(data.nextPath);
  }
  const label = (k: string) => t(`materials.kind.${k}` as MessageKey);
  const isLetterMissing = missing.includes("AUTHORIZATION_LETTER");
  return (
    <>
      <Card title={t("wizard.materials.title")} description={t("wizard.materials.lead")}>
        <div className={styles.uploads}>
          {kinds.map((k) => (
            <MaterialUploader key={k} orderId={orderId} kind={k} label={label(k)} accept="image/jpeg,image/png,application/pdf" isMissing={missing.includes(k)} onUploaded={() => setMissing((m) => m.filter((x) => x !== k))} />
          ))}
        </div>
      </Card>
      {authorization && (
        <Card title={t("wizard.authorization.title")} className={isLetterMissing ? styles.missingCard : undefined} data-testid="authorization-card" data-missing={isLetterMissing || undefined}>
          {isLetterMissing && <Alert tone="error" isLive={false}>{t("wizard.materials.authorizationRequired")}</Alert>}
          <AuthorizationPanel orderId={orderId} legalRepPhone={authorization.legalRepPhone} initial={authorization.initial} />
        </Card>
      )}
      <Alert tone="error" data-testid="form-error">{missing.length > 0 ? t("wizard.materials.missingList", { items: missing.map(label).join("、") }) : error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" onClick={next} isLoading={isBusy} data-testid="next">{t("wizard.materials.continue")}</Button>
      </div>
    </>
  );
}
