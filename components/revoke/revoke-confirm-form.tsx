"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { useStepAction } from "@/components/wizard/use-step-action";
import styles from "@/components/wizard/wizard.module.css";
import { completeRevokeOrderAction } from "@/lib/actions/certs/revoke-actions";
import { useT } from "@/lib/i18n/client";
import type { THolderRevokeReason } from "@/lib/server/certs/revoke-holder.types";

type Props = {
  orderId: string;
  certificate: { serialHex: string; subjectName: string; notAfter: string; isValid: boolean } | null;
  pair: Array<{ serialHex: string; usage: string }>;
  reasons: readonly THolderRevokeReason[];
  backHref: string;
};

/** 确认吊销: the warning, the reason (注销 = cessationOfOperation by default), the acknowledgement, then revoked at once (or sent to the CA review where the channel asks). */
export function RevokeConfirmForm({ orderId, certificate, pair, reasons, backHref }: Props) {
  const t = useT();
  const { run, error, isBusy } = useStepAction();
  const [reason, setReason] = useState<THolderRevokeReason>(reasons[0]!);
  const [isAgreed, setAgreed] = useState(false);
  const [revoked, setRevoked] = useState<string[] | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit() {
    const data = await run(() => completeRevokeOrderAction(orderId, reason));
    if (data?.status === "revoked") setRevoked(data.serials);
    if (data?.status === "pending") setPending(true);
  }

  // The channel reviews desk revocations: a CA operator confirms it; the certificate is valid until then.
  if (isPending) {
    return (
      <div data-testid="revoke-pending" style={{ display: "grid", gap: "var(--space-4)" }}>
        <Alert tone="info" title={t("lifecycleRevoke.step.pendingTitle")}>{t("lifecycleRevoke.step.pendingBody")}</Alert>
        <div className={styles.actions}>
          <ButtonLink href={`/orders/${orderId}`}>{t("lifecycleRevoke.step.toOrder")}</ButtonLink>
        </div>
      </div>
    );
  }

  if (revoked) {
    return (
      <div data-testid="revoke-done" style={{ display: "grid", gap: "var(--space-4)" }}>
        <Alert tone="success" title={t("lifecycleRevoke.step.doneTitle")}>{t("lifecycleRevoke.step.doneBody", { serials: revoked.join(", ") })}</Alert>
        <div className={styles.actions}>
          <ButtonLink href="/orders">{t("lifecycleRevoke.step.toOrders")}</ButtonLink>
        </div>
      </div>
    );
  }
  return (
    <>
      <Alert tone="warning" isLive={false} title={t("lifecycleRevoke.warningTitle")}>{t("lifecycleRevoke.warning")}</Alert>
      {certificate && (
        <dl data-testid="revoke-certificate">
          <dt>{t("lifecycleRevoke.step.certificate")}</dt>
          <dd>{certificate.subjectName}</dd>
          <dt>{t("lifecycleRevoke.step.serials")}</dt>
          <dd>{pair.map((p) => <div key={p.serialHex} style={{ fontFamily: "monospace" }}>{p.serialHex}</div>)}</dd>
        </dl>
      )}
      <label>
        {t("lifecycleRevoke.step.reason")}
        <Select data-testid="revoke-reason" value={reason} onChange={(e) => setReason(e.target.value as THolderRevokeReason)} options={reasons.map((r) => ({ value: r, label: t(`lifecycleRevoke.reasons.${r}`) }))} />
      </label>
      <Checkbox label={t("lifecycleRevoke.step.agree")} checked={isAgreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="revoke-agree" />
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button size="lg" variant="danger" onClick={onSubmit} isLoading={isBusy} disabled={!isAgreed || !certificate?.isValid} data-testid="revoke-submit">
          {t("lifecycleRevoke.step.submit")}
        </Button>
      </div>
    </>
  );
}
