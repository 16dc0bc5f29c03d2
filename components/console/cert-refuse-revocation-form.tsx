"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import controlStyles from "@/components/ui/control.module.css";
import { consoleRefuseRevocationAction } from "@/lib/actions/certs/revoke-actions";
import { useT } from "@/lib/i18n/client";

/** 驳回 of a holder's desk revocation request: the reason the holder reads; the certificate stays valid. */
export function CertRefuseRevocationForm({ certificateId, requestId }: { certificateId: string; requestId: string }) {
  const t = useT();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit() {
    setBusy(true);
    setMessage(null);
    try {
      const res = await consoleRefuseRevocationAction(certificateId, { requestId, reason });
      if (!res.ok) setMessage({ tone: "error", text: res.error.fields?.reason?.[0] ? t(res.error.fields.reason[0] as never) : res.error.message });
      else {
        setMessage({ tone: "success", text: t("lifecycleRevoke.console.refused") });
        router.refresh();
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <div style={{ display: "grid", gap: "0.75rem", maxWidth: "32rem" }}>
      <h3 style={{ margin: 0, fontSize: "1rem" }}>{t("lifecycleRevoke.console.refuseTitle")}</h3>
      <label>
        {t("lifecycleRevoke.console.refuseReason")}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} className={controlStyles.control} data-testid="refuse-revocation-reason" />
      </label>
      <div>
        <Button variant="outline" onClick={onSubmit} isLoading={isBusy} data-testid="refuse-revocation-submit">{t("lifecycleRevoke.console.refuseSubmit")}</Button>
      </div>
      {message && <Alert tone={message.tone} data-testid="refuse-revocation-result">{message.text}</Alert>}
    </div>
  );
}
