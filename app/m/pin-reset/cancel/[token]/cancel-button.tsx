"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { cancelPinResetAction } from "@/lib/actions/phone/pin-reset-actions";

/** The cancel is a POST (a button), so a link preview or a mail scanner opening the URL cancels nothing. */
export function CancelResetButton({ token }: { token: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onCancel() {
    setBusy(true);
    setError(null);
    const res = await cancelPinResetAction(token);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setDone(true);
  }
  if (done) return <Alert tone="success" data-testid="cancel-result">{t("phone.pinReset.cancelled")}</Alert>;
  return (
    <>
      <Alert tone="error" data-testid="cancel-error">{error}</Alert>
      <Button size="lg" block variant="danger" onClick={onCancel} isLoading={busy} data-testid="cancel-reset">
        {t("phone.pinReset.cancelSubmit")}
      </Button>
    </>
  );
}
