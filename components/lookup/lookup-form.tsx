"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useMessage } from "@/components/forms/use-message";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import {
  newLookupCaptchaAction,
  sendLegalRepLookupCodeAction,
  sendLookupCodeAction,
  verifyLookupCodeAction,
  verifyLookupRealNameAction,
} from "@/lib/actions/lookup/lookup-actions";
import styles from "./lookup.module.css";

type SubjectType = "UNIT" | "INDIVIDUAL";
type Route = "code" | "realName" | "legalRep";

/**
 * 证书查询 without login: the subject (USCC or ID number), then one check — an SMS code to a handler /
 * applicant whose number the caller knows, or the fallback (personal real-name, or the legal
 * representative with a captcha). The server answers "sent" the same way whoever the subject is.
 */
export function LookupForm({ channel }: { channel?: string }) {
  const t = useT();
  const msg = useMessage();
  const hydrated = useHydrated();
  const [subjectType, setSubjectType] = useState<SubjectType>("UNIT");
  const [route, setRoute] = useState<Route>("code");
  const [v, setV] = useState({ subjectKey: "", phone: "", code: "", name: "", method: "PHONE3", bankCard: "", legalRepIdNumber: "", captchaAnswer: "" });
  const [captcha, setCaptcha] = useState<{ captchaId: string; question: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isCodeSent, setCodeSent] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((p) => ({ ...p, [k]: e.target.value }));
  const subject = { subjectType, subjectKey: v.subjectKey };

  async function loadCaptcha() {
    const res = await newLookupCaptchaAction();
    if (res.ok) setCaptcha(res.data);
    setV((p) => ({ ...p, captchaAnswer: "" }));
  }
  useEffect(() => {
    if (route === "legalRep" && !captcha) void loadCaptcha();
  }, [route]); // eslint-disable-line react-hooks/exhaustive-deps

  async function run<T>(call: () => Promise<ActionResult<T>>, onOk: (data: T) => void) {
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (!res.ok) {
      const fieldMessages = Object.values(res.error.fields ?? {}).flat().map((m) => msg(m));
      setError([res.error.message, ...fieldMessages].filter(Boolean).join(" "));
      return;
    }
    onOk(res.data);
  }
  const opened = () => window.location.assign(channel ? `/lookup?channel=${encodeURIComponent(channel)}` : "/lookup");

  const switchType = (s: SubjectType) => {
    setSubjectType(s);
    setRoute("code");
    setCodeSent(false);
    setNotice(null);
    setError(null);
  };

  return (
    <div className={styles.form} data-hydrated={hydrated || undefined}>
      <fieldset className={styles.choices}>
        <legend className={styles.legend}>{t("lifecycleLookup.subjectType")}</legend>
        {(["UNIT", "INDIVIDUAL"] as const).map((s) => (
          <label key={s} className={styles.choice}>
            <input type="radio" name="subjectType" checked={subjectType === s} onChange={() => switchType(s)} data-testid={`lookup-type-${s}`} />
            {s === "UNIT" ? t("lifecycleLookup.unit") : t("lifecycleLookup.individual")}
          </label>
        ))}
      </fieldset>
      <Field label={subjectType === "UNIT" ? t("lifecycleLookup.subjectKeyUnit") : t("lifecycleLookup.subjectKeyIndividual")} isRequired>
        <Input value={v.subjectKey} onChange={set("subjectKey")} maxLength={18} autoComplete="off" data-testid="lookup-subject-key" />
      </Field>

      <fieldset className={styles.choices}>
        {(["code", subjectType === "UNIT" ? "legalRep" : "realName"] as const).map((r) => (
          <label key={r} className={styles.choice}>
            <input type="radio" name="route" checked={route === r} onChange={() => { setRoute(r); setCodeSent(false); setNotice(null); setError(null); }} data-testid={`lookup-route-${r}`} />
            {r === "code" ? t("lifecycleLookup.routeCode") : r === "legalRep" ? t("lifecycleLookup.routeLegalRep") : t("lifecycleLookup.routeRealName")}
          </label>
        ))}
      </fieldset>

      <Alert tone="error" data-testid="lookup-error">{error}</Alert>
      {notice && <Alert tone="info" data-testid="lookup-notice">{notice}</Alert>}

      {route === "code" && (
        <>
          <Field label={subjectType === "UNIT" ? t("lifecycleLookup.phoneUnit") : t("lifecycleLookup.phoneIndividual")} hint={t("lifecycleLookup.phoneHint")} isRequired>
            {(control) => (
              <div className={styles.row}>
                <Input {...control} value={v.phone} onChange={set("phone")} inputMode="numeric" maxLength={11} data-testid="lookup-phone" />
                <Button
                  type="button"
                  variant="outline"
                  isLoading={isBusy && !isCodeSent}
                  data-testid="lookup-send-code"
                  onClick={() => run(() => sendLookupCodeAction({ subject, phone: v.phone, channel }), (d) => { setCodeSent(true); setNotice(t("lifecycleLookup.codeSentTo", { phone: d.to })); })}
                >
                  {t("lifecycleLookup.sendCode")}
                </Button>
              </div>
            )}
          </Field>
        </>
      )}

      {route === "realName" && (
        <>
          <Field label={t("lifecycleLookup.name")} isRequired>
            <Input value={v.name} onChange={set("name")} maxLength={40} data-testid="lookup-name" />
          </Field>
          <Field label={t("lifecycleLookup.method")} isRequired>
            <Select value={v.method} onChange={set("method")} options={[{ value: "PHONE3", label: t("identity.method.PHONE3") }, { value: "BANK4", label: t("identity.method.BANK4") }]} data-testid="lookup-method" />
          </Field>
          <Field label={t("lifecycleLookup.mobile")} isRequired>
            <Input value={v.phone} onChange={set("phone")} inputMode="numeric" maxLength={11} data-testid="lookup-phone" />
          </Field>
          {v.method === "BANK4" && (
            <Field label={t("lifecycleLookup.bankCard")} isRequired>
              <Input value={v.bankCard} onChange={set("bankCard")} inputMode="numeric" maxLength={19} data-testid="lookup-bank-card" />
            </Field>
          )}
          <Button
            type="button"
            block
            size="lg"
            isLoading={isBusy}
            data-testid="lookup-real-name-submit"
            onClick={() =>
              run(
                () =>
                  v.method === "BANK4"
                    ? verifyLookupRealNameAction({ method: "BANK4", idNumber: v.subjectKey, name: v.name, phone: v.phone, bankCard: v.bankCard, channel })
                    : verifyLookupRealNameAction({ method: "PHONE3", idNumber: v.subjectKey, name: v.name, phone: v.phone, channel }),
                opened,
              )
            }
          >
            {t("lifecycleLookup.realNameSubmit")}
          </Button>
        </>
      )}

      {route === "legalRep" && (
        <>
          <Field label={t("lifecycleLookup.legalRepIdNumber")} isRequired>
            <Input value={v.legalRepIdNumber} onChange={set("legalRepIdNumber")} maxLength={18} data-testid="lookup-legal-rep-id" />
          </Field>
          <Field label={t("lifecycleLookup.legalRepPhone")} isRequired>
            <Input value={v.phone} onChange={set("phone")} inputMode="numeric" maxLength={11} data-testid="lookup-phone" />
          </Field>
          <Field label={t("lifecycleLookup.captcha", { question: captcha?.question ?? "…" })} isRequired>
            {(control) => (
              <div className={styles.row}>
                <Input {...control} value={v.captchaAnswer} onChange={set("captchaAnswer")} inputMode="numeric" maxLength={4} data-testid="lookup-captcha-answer" />
                <Button type="button" variant="ghost" onClick={() => loadCaptcha()}>{t("lifecycleLookup.captchaRefresh")}</Button>
              </div>
            )}
          </Field>
          <Button
            type="button"
            variant="outline"
            isLoading={isBusy && !isCodeSent}
            data-testid="lookup-legal-rep-send"
            onClick={() =>
              run(
                () => sendLegalRepLookupCodeAction({ uscc: v.subjectKey, legalRepIdNumber: v.legalRepIdNumber, phone: v.phone, captchaId: captcha?.captchaId ?? "-", captchaAnswer: v.captchaAnswer }),
                (d) => { setCodeSent(true); setNotice(t("lifecycleLookup.legalRepSentTo", { phone: d.to })); },
              ).then(() => loadCaptcha()) // a captcha answers once, right or wrong
            }
          >
            {t("lifecycleLookup.legalRepSendCode")}
          </Button>
        </>
      )}

      {route !== "realName" && isCodeSent && (
        <>
          <Field label={t("lifecycleLookup.code")} isRequired>
            <Input value={v.code} onChange={set("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="lookup-code" />
          </Field>
          <Button
            type="button"
            block
            size="lg"
            isLoading={isBusy}
            data-testid="lookup-verify"
            onClick={() => run(() => verifyLookupCodeAction({ subject, phone: v.phone, code: v.code, route: route === "legalRep" ? "legal_rep" : "handler", channel }), opened)}
          >
            {t("lifecycleLookup.verify")}
          </Button>
        </>
      )}
    </div>
  );
}
