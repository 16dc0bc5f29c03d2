"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { decideSealAction } from "@/lib/actions/seals/console-seal-actions";
import { Button } from "@/components/ui/button";
import styles from "./seals.module.css";

/** 审核通过 / 驳回 (with a reason) on one seal in review. */
export function SealDecision({ sealId }: { sealId: string }) {
  const t = useT();
  const router = useRouter();
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function decide(decision: "approve" | "reject") {
    setBusy(true);
    const res = await decideSealAction(decision === "approve" ? { sealId, decision } : { sealId, decision, reason });
    setBusy(false);
    if (!res.ok) return setError(res.error.fields?.reason?.[0] ?? res.error.message);
    router.refresh();
  }
  return (
    <div className={styles.form} data-testid="seal-decision">
      {isRejecting && (
        <label className={styles.label}>
          {t("seals.console.reason")}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} data-testid="seal-reject-reason" />
          <span className={styles.hint}>{t("seals.console.reasonHint")}</span>
        </label>
      )}
      <div className={styles.actions}>
        {!isRejecting && <Button onClick={() => decide("approve")} isLoading={isBusy} data-testid="seal-approve">{t("seals.console.approve")}</Button>}
        <Button variant={isRejecting ? "danger" : "outline"} onClick={() => (isRejecting ? decide("reject") : setRejecting(true))} isLoading={isBusy && isRejecting} data-testid="seal-reject">
          {t("seals.console.reject")}
        </Button>
        {isRejecting && <Button variant="ghost" onClick={() => setRejecting(false)}>{t("seals.actions.back")}</Button>}
      </div>
      {error && <p className={styles.error} role="alert">{error}</p>}
    </div>
  );
}
