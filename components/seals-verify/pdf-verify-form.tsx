"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FileButton } from "@/components/ui/file-button";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import type { TPdfVerification } from "@/lib/server/seals/verify-signed-pdf.types";
import styles from "./pdf-verify.module.css";

/** 验签: the upload and, per signature, what was checked. */
export function PdfVerifyForm() {
  const t = useT();
  const locale = useLocale();
  const [result, setResult] = useState<TPdfVerification | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const reason = (r: string) => t(`sealsUse.verify.reasons.${r}` as MessageKey) || r;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError("");
    setResult(null);
    try {
      const res = await fetch("/api/pdf/verify", { method: "POST", body: new FormData(e.currentTarget) });
      const data = (await res.json()) as TPdfVerification & { error?: { message: string } };
      if (!res.ok) throw new Error(data.error?.message ?? res.statusText);
      setResult(data);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className={styles.form} onSubmit={onSubmit}>
        <FileButton caption={t("sealsUse.verify.file")} name="file" accept="application/pdf" required data-testid="verify-file" />
        <Button type="submit" isLoading={busy} data-testid="verify-submit">{busy ? t("sealsUse.verify.working") : t("sealsUse.verify.submit")}</Button>
      </form>
      <Alert tone="error" data-testid="verify-error">{error}</Alert>
      {result && (
        <section className={styles.results} data-testid="verify-result" data-valid={String(result.valid)} data-count={result.count}>
          {result.count === 0 ? (
            <Alert tone="warning" isLive={false}>{t("sealsUse.verify.none")}</Alert>
          ) : (
            <Alert tone={result.valid ? "success" : "error"} isLive={false}>{t(result.valid ? "sealsUse.verify.allValid" : "sealsUse.verify.someInvalid", { count: result.count })}</Alert>
          )}
          {result.signatures.map((s) => (
            <article key={s.index} className={styles.sig} data-testid="verify-signature" data-valid={String(s.valid)} data-reasons={s.reasons.join(",")}>
              <h3>
                {t("sealsUse.verify.signature", { index: s.index, name: s.fieldName })}
                {s.page && <small>{t("sealsUse.verify.page", { page: s.page })}</small>}
                <Badge tone={s.valid ? "success" : "danger"}>{s.valid ? t("sealsUse.verify.valid") : t("sealsUse.verify.invalid")}</Badge>
              </h3>
              <dl className={styles.rows}>
                <dt>{t("sealsUse.verify.signer")}</dt>
                <dd data-testid="verify-signer">{s.signer?.subject ?? "—"}</dd>
                <dt>{t("sealsUse.verify.serial")}</dt>
                <dd>{s.signer?.serial ?? "—"}</dd>
                <dt>{t("sealsUse.verify.signingTime")}</dt>
                <dd>{s.signingTime ? new Date(s.signingTime).toLocaleString(locale, { timeZone: "Asia/Shanghai" }) : "—"}</dd>
                <dt>{t("sealsUse.verify.chain")}</dt>
                <dd className={s.chain.valid ? styles.ok : styles.bad}>{s.chain.valid ? t("sealsUse.verify.chainOk") : t("sealsUse.verify.chainBad", { reasons: s.chain.reasons.join(", ") })}</dd>
                <dt>{t("sealsUse.verify.revocation")}</dt>
                <dd className={s.revocation.status === "good" ? styles.ok : styles.bad} data-testid="verify-revocation">{t(`sealsUse.verify.status.${s.revocation.status}` as MessageKey)}</dd>
                <dt>{t("sealsUse.verify.seal")}</dt>
                <dd className={s.seal ? (s.seal.valid ? styles.ok : styles.bad) : undefined} data-testid="verify-seal">
                  {!s.seal ? t("sealsUse.verify.sealNone") : s.seal.valid ? t("sealsUse.verify.sealOk", { name: s.seal.name ?? "", esId: s.seal.esId ?? "" }) : t("sealsUse.verify.sealBad", { reason: s.seal.reason ?? "" })}
                </dd>
                <dt>{t("sealsUse.verify.document")}</dt>
                <dd className={s.document.isUnchanged ? styles.ok : styles.bad} data-testid="verify-document">
                  {!s.document.isUnchanged ? t("sealsUse.verify.modified") : s.document.coversWholeFile ? t("sealsUse.verify.unchangedWhole") : t("sealsUse.verify.unchangedRevision")}
                </dd>
              </dl>
              {!s.valid && <p className={styles.bad}>{s.reasons.map(reason).join("；")}</p>}
            </article>
          ))}
        </section>
      )}
    </>
  );
}
