"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { postJson, type ApiError } from "@/components/forms/api-error";

type Purpose = "LOGIN" | "RESET_PASSWORD" | "CHANGE_PHONE_OLD" | "CHANGE_PHONE_NEW";

/** "获取验证码" with the 60-second resend countdown the server enforces. */
export function SendCodeButton({
  phone,
  purpose,
  canSend,
  onSent,
  onError,
  testId,
}: {
  phone: () => string;
  purpose: Purpose;
  canSend: () => Promise<boolean>;
  onSent: (phone: string) => void;
  onError: (error: ApiError) => void;
  testId?: string;
}) {
  const t = useT();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  async function onClick() {
    if (!(await canSend())) return;
    setBusy(true);
    try {
      const target = phone();
      const { resendAfter } = await postJson<{ resendAfter: number }>("/api/auth/codes", { phone: target, purpose });
      setWait(resendAfter);
      onSent(target);
    } catch (e) {
      const err = e as ApiError;
      if (err.retryAfter && err.code === "rate_limited") setWait(err.retryAfter);
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button type="button" variant="outline" onClick={onClick} isLoading={busy} disabled={wait > 0} data-testid={testId ?? "send-code"}>
      {wait > 0 ? t("auth.login.resendIn", { seconds: wait }) : t("auth.login.sendCode")}
    </Button>
  );
}
