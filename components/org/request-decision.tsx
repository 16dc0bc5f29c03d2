"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { decideOrgRequestAction } from "@/lib/actions/org/request-actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SignLetterQr, type TLetterStart } from "./sign-letter-qr";
import styles from "./request-area.module.css";

/**
 * 同意 / 拒绝 on one request. At the administrator's stage 同意 starts the authorization letter: on the desk
 * its QR (SignLetterQr), on the phone (`isPhone`) the scan confirmation page opens for it directly.
 */
export function RequestDecision({ orgId, requestId, stage, isPhone = false }: { orgId: string; requestId: string; stage: string; isPhone?: boolean }) {
  const t = useT();
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "rejecting">("idle");
  const [reason, setReason] = useState("");
  const [letter, setLetter] = useState<TLetterStart | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isAdminStage = stage === "PENDING_ADMIN";

  async function decide(decision: "approve" | "reject") {
    setBusy(true);
    const res = await decideOrgRequestAction(orgId, { requestId, decision, reason: decision === "reject" ? reason : undefined });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    const out = res.data;
    if (out.outcome === "sign") {
      if (isPhone) return router.push(new URL(out.qrContent).pathname);
      return setLetter(out);
    }
    setMessage(t(out.outcome === "rejected" ? "orgRequests.requests.rejected" : "orgRequests.requests.forwarded"));
    router.refresh();
  }
  const onSettled = useCallback(() => router.refresh(), [router]);

  if (letter) return <SignLetterQr letter={letter} onSettled={onSettled} onRestart={() => { setLetter(null); void decide("approve"); }} />;
  if (message) return <p className={styles.ok} role="status" data-testid="request-decided">{message}</p>;
  return (
    <div className={styles.phoneCard} data-testid="request-decision">
      {mode === "idle" ? (
        <div className={isPhone ? styles.phoneActions : styles.actions}>
          <Button size="sm" onClick={() => decide("approve")} isLoading={isBusy} data-testid="request-approve">
            {isAdminStage ? t("orgRequests.requests.approveSign") : t("orgRequests.requests.approve")}
          </Button>
          <Button size="sm" variant="outline" onClick={() => setMode("rejecting")} data-testid="request-reject">{t("orgRequests.requests.reject")}</Button>
        </div>
      ) : (
        <div className={styles.rejectBox}>
          <Field label={t("orgRequests.requests.rejectReason")} error={error?.fields?.reason?.[0]} isRequired>
            <Input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="request-reject-reason" />
          </Field>
          <Button size="sm" variant="danger" onClick={() => decide("reject")} isLoading={isBusy} data-testid="request-reject-confirm">{t("orgRequests.requests.confirmReject")}</Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>{t("orgRequests.requests.cancel")}</Button>
        </div>
      )}
      {isPhone && isAdminStage && mode === "idle" && <p className={styles.small}>{t("orgRequests.phone.approveHint")}</p>}
      {error && !error.fields && <p className={styles.bad} role="status">{error.message}</p>}
    </div>
  );
}
