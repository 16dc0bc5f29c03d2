"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { phoneApi, type PhoneApiError } from "@/lib/phone/phone-api";
import { reverifyOnPhone } from "@/lib/phone/reverify-on-phone";
import { ZReverifySchema, type TReverify } from "@/lib/server/keys/keys.types";
import { PinInput } from "./pin-input";
import { usePhoneError } from "./use-phone-error";
import styles from "./phone.module.css";

/**
 * 证书解锁 / 忘记PIN: first the holder's face check on this phone (the face page /m/face/[token], the
 * one document besides the scanner allowed the camera; it links back here with `?face=<checkId>`),
 * then the holder's ID number + an SMS code to the holder's phone; the server checks the passed face
 * check and runs a fresh PHONE3 check. A reset also takes the new PIN (twice). Either way the server rotates W and
 * refreshes the shares; this phone re-wraps its share (lib/phone/reverify-on-phone.ts).
 */
export function ReverifyForm({ keyShareId, isReset, backHref, faceCheckId }: { keyShareId: string; isReset: boolean; backHref: string; faceCheckId?: string }) {
  const t = useT();
  const msg = useMessage();
  const describe = usePhoneError();
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ resetAtText?: string } | null>(null);
  // The server checks the id at submit (PASSED, this holder, ≤ 10 minutes, unused).
  const [face, setFace] = useState<{ checkId: string } | null>(faceCheckId ? { checkId: faceCheckId } : null);
  const [faceStarting, setFaceStarting] = useState(false);
  const form = useForm<TReverify>({
    resolver: zodResolver(isReset ? ZReverifySchema.refine((v) => Boolean(v.pin), { message: "phone.errors.pinFormat", path: ["pin"] }) : ZReverifySchema),
    defaultValues: { code: "", idNumber: "", ...(isReset ? { pin: "", confirm: "" } : {}) },
  });
  const e = form.formState.errors;

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  async function onSend() {
    setSending(true);
    setError(null);
    try {
      const res = await phoneApi<{ resendAfter: number; maskedPhone: string }>(`/api/m/keys/${keyShareId}/reverify-code`, {});
      setWait(res.resendAfter);
      setNotice(t("phone.reverify.codeSent", { phone: res.maskedPhone }));
    } catch (err) {
      const apiErr = err as PhoneApiError;
      if (apiErr.retryAfter) setWait(apiErr.retryAfter);
      setError(describe(err));
    } finally {
      setSending(false);
    }
  }

  async function onStartFace() {
    setFaceStarting(true);
    setError(null);
    try {
      const res = await phoneApi<{ checkId: string; token: string }>(`/api/m/keys/${keyShareId}/face-check`, {});
      const here = `${window.location.pathname}${isReset ? "?mode=reset" : ""}`;
      // A document load: the camera is allowed only on the face page's own document.
      window.location.assign(`/m/face/${res.token}?next=${encodeURIComponent(here)}`);
    } catch (err) {
      setError(describe(err));
      setFaceStarting(false);
    }
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    if (!face) return setError(t("phone.errors.faceRequired"));
    try {
      const faceCheckId = face.checkId;
      const res = await reverifyOnPhone({ keyShareId, input: isReset ? { ...values, faceCheckId } : { code: values.code, idNumber: values.idNumber, faceCheckId } });
      setDone({ resetAtText: res.resetAtText });
    } catch (err) {
      const apiErr = err as PhoneApiError;
      for (const [name, messages] of Object.entries(apiErr.fields ?? {})) {
        // A stale or used face check: the holder does it again.
        if (name === "faceCheckId") setFace(null);
        else form.setError(name as keyof TReverify, { message: messages[0] });
      }
      setError(describe(err));
    }
  });

  if (done) {
    return (
      <div className={styles.form}>
        <Alert tone="success" data-testid="form-result">{isReset ? (done.resetAtText ? t("phone.reverify.resetPending", { at: done.resetAtText }) : t("phone.reverify.reset")) : t("phone.reverify.unlocked")}</Alert>
        <ButtonLink href={backHref} block>{t("review.common.back")}</ButtonLink>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      <p className={styles.note}>{t("phone.reverify.lead")}</p>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      {notice && <Alert tone="success" data-testid="form-notice">{notice}</Alert>}
      <section className={styles.form} data-testid="reverify-face" data-status={face ? "DONE" : "NONE"}>
        <h2>{t("phone.reverify.faceTitle")}</h2>
        <p className={styles.note}>{t("phone.reverify.faceLead")}</p>
        {face ? (
          <Alert tone="success" data-testid="face-done">{t("phone.reverify.facePassed")}</Alert>
        ) : (
          <Button variant="outline" block onClick={onStartFace} isLoading={faceStarting} data-testid="start-face">
            {t("phone.reverify.faceStart")}
          </Button>
        )}
      </section>
      <Field label={t("phone.reverify.idNumber")} error={msg(e.idNumber?.message)} isRequired>
        <Input {...form.register("idNumber")} autoComplete="off" maxLength={18} data-testid="id-number" />
      </Field>
      <Field label={t("phone.reverify.code")} error={msg(e.code?.message)} isRequired>
        {(control) => (
          <div className={styles.codeRow}>
            <Input {...control} {...form.register("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="code" />
            <Button variant="outline" onClick={onSend} isLoading={sending} disabled={wait > 0} data-testid="send-code">
              {wait > 0 ? t("phone.reverify.resendIn", { seconds: wait }) : t("phone.reverify.sendCode")}
            </Button>
          </div>
        )}
      </Field>
      {isReset && (
        <>
          <Field label={t("phone.reverify.newPin")} error={msg(e.pin?.message)} isRequired>
            <PinInput {...form.register("pin")} data-testid="new-pin" />
          </Field>
          <Field label={t("phone.reverify.confirm")} error={msg(e.confirm?.message)} isRequired>
            <PinInput {...form.register("confirm")} data-testid="confirm-pin" />
          </Field>
        </>
      )}
      <Button type="submit" block size="lg" isLoading={form.formState.isSubmitting} data-testid="submit">
        {isReset ? t("phone.reverify.resetSubmit") : t("phone.reverify.unlockSubmit")}
      </Button>
    </form>
  );
}
