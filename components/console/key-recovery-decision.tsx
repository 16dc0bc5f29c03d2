"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import styles from "./console.module.css";

type Decide = (recoveryId: string, input: unknown) => Promise<ActionResult<{ id: string; status: string }>>;

/**
 * 批准 / 驳回 (reason required) of one key recovery request, inline in its row, each confirmed in a dialog (a 驳回
 * once it has a reason to show; without one the server's message asks for it). The list refreshes after.
 */
export function KeyRecoveryDecision({ recoveryId, decide }: { recoveryId: string; decide: Decide }) {
  const t = useT();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<"approve" | "reject" | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const { confirm, dialog } = useConfirm();

  async function run(kind: "approve" | "reject") {
    const isConfirmed =
      kind === "approve"
        ? await confirm({ title: t("review.recoveries.approve"), body: t("review.recoveries.approveConfirm"), confirmLabel: t("review.recoveries.approve") })
        : reason.trim().length < 4 ||
          (await confirm({ title: t("review.recoveries.reject"), body: <><p>{t("review.recoveries.rejectConfirm")}</p><blockquote className={styles.quote}>{reason.trim()}</blockquote></>, confirmLabel: t("review.recoveries.reject"), tone: "danger" }));
    if (!isConfirmed) return;
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
      {dialog}
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
