"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { IdentityCheckPanel } from "@/components/identity/identity-check-panel";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { hasMessage } from "@/lib/i18n/translate";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { switchOfflineAction } from "@/lib/actions/orders/step-actions";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

export type CheckState = { status: "PENDING" | "FAILED"; checkId?: string; failReason?: string };

/**
 * The identity check of a step after its data was saved: the identity panel while pending (deposit
 * code, face), and on failure which check failed and why, with the two ways on: correct the data,
 * or apply by mail.
 */
export function VerificationBlock({
  orderId,
  which,
  role,
  method,
  check,
  canOffline,
  onCorrect,
}: {
  orderId: string;
  which: "subject" | "handler";
  role: "ENTERPRISE" | "LEGAL_REP" | "HANDLER" | "APPLICANT";
  method: VerificationMethod;
  check: CheckState;
  canOffline: boolean;
  onCorrect: () => void;
}) {
  const t = useT();
  const { run, go, error, isBusy } = useStepAction();

  async function onOffline() {
    const data = await run(() => switchOfflineAction(orderId));
    if (data) go(data.nextPath);
  }

  const reasonKey = `identity.failReason.${check.failReason}`;
  const reason = check.failReason ? (hasMessage(reasonKey) ? t(reasonKey as MessageKey) : check.failReason) : t("wizard.verify.unknownReason");
  const whichLabel = t(`wizard.verify.which.${role}` as MessageKey);

  return (
    <Card title={t("wizard.verify.title")} className={styles.verification} data-testid="verification">
      <div className={styles.form}>
        <Alert tone="error" data-testid="verify-error">{error}</Alert>
        {check.status === "FAILED" ? (
          <Alert tone="error" title={t("wizard.verify.failedTitle")} data-testid="verify-failed" isLive>
            <p>{t("wizard.verify.failed", { which: whichLabel, reason })}</p>
            <p>{t("wizard.verify.tryAgain")}</p>
          </Alert>
        ) : (
          // Its "continue" link goes through /orders/[id]/verified, which re-reads the check on the server.
          check.checkId && <IdentityCheckPanel checkId={check.checkId} method={method} onPassedHref={`/orders/${orderId}/verified?which=${which}`} />
        )}
        <div className={styles.actions}>
          <Button variant="outline" onClick={onCorrect} data-testid="verify-correct">
            {t("wizard.verify.correct")}
          </Button>
          <div className={styles.actionsEnd}>
            {canOffline && (
              <Button variant="secondary" onClick={onOffline} isLoading={isBusy} data-testid="switch-offline">
                {t("wizard.offline.button")}
              </Button>
            )}
          </div>
        </div>
        {canOffline && <p className={styles.hint}>{t("wizard.offline.lead")}</p>}
      </div>
    </Card>
  );
}
