"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import styles from "./console.module.css";

type Decide = (recoveryId: string, input: unknown) => Promise<ActionResult<{ id: string; status: string }>>;

/** 批准 / 拒绝 (reason required) of one key recovery request, inline in its row; the list refreshes after. */
export function KeyRecoveryDecision({ recoveryId, decide }: { recoveryId: string; decide: Decide }) {
  const t = useT();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<"approve" | "reject" | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");

  async function run(kind: "approve" | "reject") {
    if (kind === "approve" && !window.confirm(t("review.recoveries.approveConfirm"))) return;
    setBusy(kind);
    setError("");
    const res = await decide(recoveryId, kind === "approve" ? { decision: "approve" } : { decision: "reject", reason });
    setBusy(null);
    if (!res.ok) {
      setError(res.error.fields?.reason?.[0] ?? res.error.message);
      return;
    }
    setStatus(t(kind === "approve" ? "review.recoveries.approved" : "review.recoveries.rejected"));
    router.refresh();
  }

  return (
    <div className={styles.rowDecision} data-testid={`recovery-${recoveryId}`}>
      <Button size="sm" onClick={() => run("approve")} isLoading={busy === "approve"} disabled={busy !== null} data-testid="recovery-approve">
        {t("review.recoveries.approve")}
      </Button>
      <Input
        aria-label={t("review.recoveries.reason")}
        placeholder={t("review.recoveries.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        data-testid="recovery-reason"
      />
      <Button size="sm" variant="danger" onClick={() => run("reject")} isLoading={busy === "reject"} disabled={busy !== null} data-testid="recovery-reject">
        {t("review.recoveries.reject")}
      </Button>
      <span role="status" className={styles.muted}>
        {error || status}
      </span>
    </div>
  );
}
