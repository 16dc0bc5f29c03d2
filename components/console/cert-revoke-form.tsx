"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { consoleRevokeAction } from "@/lib/actions/certs/revoke-actions";
import { useT } from "@/lib/i18n/client";
import type { TRevokeReason } from "@/lib/server/certs/revoke-certificate.types";

const REASONS: readonly TRevokeReason[] = ["keyCompromise", "cessationOfOperation", "superseded", "affiliationChanged", "privilegeWithdrawn", "unspecified"];

/** 吊销 on the console: an RFC 5280 reason and a note; where four-eyes applies, a second operator confirms the pending request. */
export function CertRevokeForm({ certificateId, pendingReason, pendingRequestId = null }: { certificateId: string; pendingReason: TRevokeReason | null; pendingRequestId?: string | null }) {
  const t = useT();
  const router = useRouter();
  const [reason, setReason] = useState<TRevokeReason>(pendingReason ?? "keyCompromise");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit() {
    setBusy(true);
    setMessage(null);
    try {
      const res = await consoleRevokeAction(certificateId, { reason, note: note || undefined, ...(pendingRequestId ? { requestId: pendingRequestId } : {}) });
      if (!res.ok) setMessage({ tone: "error", text: res.error.message });
      else setMessage({ tone: "success", text: res.data.status === "revoked" ? t("lifecycleRevoke.console.revoked", { serials: res.data.serials.join(", ") }) : t("lifecycleRevoke.console.requested") });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }
  return (
    <div style={{ display: "grid", gap: "0.75rem", maxWidth: "32rem" }}>
      <Alert tone="warning" isLive={false}>{t("lifecycleRevoke.warning")}</Alert>
      <label>
        {t("lifecycleRevoke.console.reason")}
        <Select data-testid="console-revoke-reason" value={reason} disabled={pendingReason !== null} onChange={(e) => setReason(e.target.value as TRevokeReason)} options={REASONS.map((r) => ({ value: r, label: `${t(`lifecycleRevoke.reasons.${r}`)} (${r})` }))} />
      </label>
      {pendingReason === null && (
        <label>
          {t("lifecycleRevoke.console.note")}
          <Input data-testid="console-revoke-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
      )}
      <div>
        <Button variant="danger" onClick={onSubmit} isLoading={isBusy} data-testid="console-revoke-submit">
          {pendingReason ? t("lifecycleRevoke.console.confirmPending") : t("lifecycleRevoke.console.submit")}
        </Button>
      </div>
      {message && <Alert tone={message.tone} data-testid="console-revoke-result">{message.text}</Alert>}
    </div>
  );
}
