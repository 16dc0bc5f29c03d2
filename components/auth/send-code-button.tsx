"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { postJson, type ApiError } from "@/components/forms/api-error";

type Purpose = "LOGIN" | "RESET_PASSWORD" | "CHANGE_PHONE_OLD" | "CHANGE_PHONE_NEW";
type Cooldown = { phone: string; until: number };

// The server's resend cooldown, kept for this tab so the countdown is on the button again after a reload
// (it was shown only after a click the server then refused).
const storageKey = (purpose: Purpose) => `certdesk.sms-cooldown.${purpose}`;

function readCooldown(purpose: Purpose): Cooldown | null {
  try {
    const c = JSON.parse(sessionStorage.getItem(storageKey(purpose)) ?? "null") as Cooldown | null;
    return c && typeof c.phone === "string" && typeof c.until === "number" && c.until > Date.now() ? c : null;
  } catch {
    return null;
  }
}

function writeCooldown(purpose: Purpose, cooldown: Cooldown) {
  try {
    sessionStorage.setItem(storageKey(purpose), JSON.stringify(cooldown));
  } catch {
    // Private mode without storage: the countdown still runs until the page is left.
  }
}

/**
 * "获取验证码" with the resend countdown the server enforces, from the moment the cooldown starts (a
 * sent code, or the server's rate-limit answer) and again after a reload. `phoneValue` (the field's
 * current value): the countdown applies to the number it was started for; `onRestore` gets that number
 * after a reload, so the form can put it back into an empty field.
 */
export function SendCodeButton({
  phone,
  phoneValue,
  purpose,
  canSend,
  onSent,
  onError,
  onRestore,
  testId,
}: {
  phone: () => string;
  phoneValue?: string;
  purpose: Purpose;
  canSend: () => Promise<boolean>;
  onSent: (phone: string) => void;
  onError: (error: ApiError) => void;
  onRestore?: (phone: string) => void;
  testId?: string;
}) {
  const t = useT();
  const [cooldown, setCooldown] = useState<Cooldown | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const stored = readCooldown(purpose);
    if (!stored) return;
    setCooldown(stored);
    setNow(Date.now());
    onRestore?.(stored.phone);
    // Once per purpose (onRestore is a new function on every render of the form).
  }, [purpose]);

  const isForThisPhone = cooldown !== null && (phoneValue === undefined || phoneValue.trim() === cooldown.phone);
  const wait = isForThisPhone ? Math.max(0, Math.ceil((cooldown.until - now) / 1000)) : 0;

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(id);
  }, [wait, now]);

  function start(target: string, seconds: number) {
    const next = { phone: target, until: Date.now() + seconds * 1000 };
    writeCooldown(purpose, next);
    setCooldown(next);
    setNow(Date.now());
  }

  async function onClick() {
    if (!(await canSend())) return;
    setBusy(true);
    const target = phone();
    try {
      const { resendAfter } = await postJson<{ resendAfter: number }>("/api/auth/codes", { phone: target, purpose });
      start(target, resendAfter);
      onSent(target);
    } catch (e) {
      const err = e as ApiError;
      if (err.retryAfter && err.code === "rate_limited") start(target, err.retryAfter);
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
