"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { loadKey } from "@/lib/phone/key-store";
import { usePhoneError } from "@/components/phone/use-phone-error";
import { PinKeypad } from "./pin-keypad";
import { SessionPanel, type OpenSession } from "./session-panel";
import { SignDocumentRows } from "./sign-document-rows";
import { PkiError } from "@/lib/pki/errors";
import { completeScan, failScan, performScan, rejectScan } from "./scan-client";
import { keepSessionKey } from "./session-keys";
import styles from "./scan.module.css";

export type ConfirmRequest = {
  id: string;
  type: "login" | "sign" | "decrypt" | "sync_subject";
  platform: { name: string; nameEn: string | null };
  payload: Record<string, unknown>;
  expiresAt: string;
  certificates: Array<{
    id: string;
    serialHex: string;
    subjectName: string;
    notAfter: string;
    keyShareId: string | null;
    pem: string;
    isEnterprise?: boolean;
    authorized?: boolean;
    refusal?: "not_authorized_for_platform" | "not_a_member" | null;
  }>;
  withSeal: boolean;
  /** A seal is mandatory (sealRequired), or the platform named the one on its document (sealPinned). */
  sealRequired?: boolean;
  sealPinned?: boolean;
  /** The seals usable with each certificate (a seal is bound to one certificate). */
  seals: Array<{ id: string; name: string; kind?: string; certificateId?: string; grantedBy?: string | null }>;
  /** The desk's own letter (an enterprise authorization, approval or transfer), shown in full before the PIN. */
  letterText?: string | null;
};

const SESSION_MINUTES = [15, 30, 60];

/** 确认操作: who asks, what, with which certificate (and seal), the PIN pad; then the result. */
export function ScanConfirm({ request }: { request: ConfirmRequest }) {
  const t = useT();
  const locale = useLocale();
  const describe = usePhoneError();
  // An enterprise certificate not authorized for this platform is shown but cannot be chosen.
  const usable = request.certificates.filter((c) => c.authorized !== false);
  const [certId, setCertId] = useState(usable[0]?.id ?? "");
  const sealsOf = (id: string) => request.seals.filter((s) => !s.certificateId || s.certificateId === id);
  const [sealId, setSealId] = useState(sealsOf(usable[0]?.id ?? "")[0]?.id ?? "");
  const [isHere, setHere] = useState<boolean | null>(null);
  const [pin, setPin] = useState("");
  const [phase, setPhase] = useState<"confirm" | "working" | "done" | "rejected" | "failed">("confirm");
  const [error, setError] = useState("");
  const [wantsSession, setWantsSession] = useState(false);
  const [minutes, setMinutes] = useState(30);
  const [autoConfirm, setAutoConfirm] = useState(false);
  const [session, setSession] = useState<OpenSession | null>(null);
  const cert = usable.find((c) => c.id === certId);
  const certSeals = sealsOf(certId);
  // Where a seal is mandatory and this certificate has none, the PIN pad is not offered.
  const isSealMissing = request.withSeal && Boolean(request.sealRequired) && certSeals.length === 0;
  // What the signature will carry, as the facts' 签章印章 row says before the PIN.
  const chosenSeal = request.withSeal ? certSeals.find((s) => s.id === sealId) : undefined;
  const platform = locale === "en" ? (request.platform.nameEn ?? request.platform.name) : request.platform.name;
  const title = String(request.payload.title ?? "");

  useEffect(() => {
    if (!cert?.keyShareId) return setHere(false);
    loadKey(cert.keyShareId).then((k) => setHere(Boolean(k)), () => setHere(false));
  }, [cert?.keyShareId]);

  async function run(fullPin: string) {
    if (!cert?.keyShareId) return;
    setPhase("working");
    setError("");
    let kept: Uint8Array | null = null;
    try {
      const body = await performScan({
        op: request,
        cert: { id: cert.id, keyShareId: cert.keyShareId, pem: cert.pem },
        pin: fullPin,
        sealId: request.withSeal && sealId ? sealId : undefined,
        keep: (d1) => {
          if (wantsSession && request.type === "sign") kept = Uint8Array.from(d1);
        },
      });
      const sessionWanted = wantsSession && request.type === "sign";
      const done = await completeScan({
        id: request.id,
        body: { certificateId: cert.id, result: { ...body, ...(request.withSeal && sealId ? { sealId } : {}) }, ...(sessionWanted ? { session: { minutes, autoConfirm } } : {}) },
      });
      if (done.session && kept) {
        keepSessionKey(done.session.id, kept, done.session.expiresAt);
        setSession({ ...done.session, certificateId: cert.id, keyShareId: cert.keyShareId, pem: cert.pem, platform });
      }
      setPhase("done");
    } catch (err) {
      // The ciphertext did not open with this certificate's key (SM2 C3 check): retrying cannot help,
      // so the request ends failed and the platform learns it now rather than at expiry.
      if (request.type === "decrypt" && err instanceof PkiError && err.code === "decrypt_failed") {
        await failScan(request.id, { certificateId: cert.id, reason: "decrypt_failed" }).catch(() => {});
        setError(t("scanner.errors.decryptFailed"));
        setPhase("failed");
        return;
      }
      setError(describe(err));
      setPhase("confirm");
    } finally {
      (kept as Uint8Array | null)?.fill(0);
      setPin("");
    }
  }

  function onPin(next: string) {
    setPin(next);
    if (next.length === 6) void run(next);
  }

  async function onReject() {
    try {
      await rejectScan(request.id);
      setPhase("rejected");
    } catch (err) {
      setError(describe(err));
    }
  }

  if (phase === "done" || phase === "rejected" || phase === "failed") {
    return (
      <div className={styles.result} data-testid="scan-result" data-outcome={phase}>
        <div className={phase === "done" ? styles.resultIconOk : styles.resultIconNo} aria-hidden>{phase === "done" ? "✓" : "✕"}</div>
        <h2>{phase === "done" ? t(`scanner.done.${request.type}`) : phase === "failed" ? t("scanner.failed") : t("scanner.rejected")}</h2>
        {phase === "done" && <p>{t("scanner.doneLead", { platform })}</p>}
        {phase === "failed" && <p>{error}</p>}
        {session && <SessionPanel session={session} />}
        <div className={styles.actions}>
          <ButtonLink href="/m/scan" variant="secondary" block>{t("scanner.scanAgain")}</ButtonLink>
          <ButtonLink href="/m" variant="ghost" block>{t("scanner.back")}</ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.confirm} data-testid="scan-confirm">
      <dl className={styles.facts}>
        <div>
          <dt>{t("scanner.from")}</dt>
          <dd data-testid="scan-platform">{platform}</dd>
        </div>
        <div>
          <dt>{t("scanner.operation")}</dt>
          <dd data-testid="scan-operation">{t(`scanner.op.${request.type}`, { title })}</dd>
        </div>
        {request.type === "sign" && (
          <>
            <SignDocumentRows payload={request.payload} isLetter={Boolean(request.letterText)} />
            <div>
              <dt>{t("scanner.seal")}</dt>
              <dd data-testid="scan-seal-summary">{chosenSeal ? chosenSeal.name : isSealMissing ? "—" : t("scanner.sealNone")}</dd>
            </div>
          </>
        )}
      </dl>

      {request.letterText && (
        <section className={styles.letter} aria-label={t("scanner.letter")}>
          <h2>{t("scanner.letter")}</h2>
          <pre data-testid="scan-letter">{request.letterText}</pre>
        </section>
      )}

      {request.certificates.length === 0 ? (
        <Alert tone="warning" isLive={false}>{t("scanner.noCertificates")}</Alert>
      ) : (
        <fieldset className={styles.choices}>
          <legend>{t("scanner.certificate")}</legend>
          {request.certificates.map((c) => (
            <label key={c.id} className={c.authorized === false ? `${styles.choice} ${styles.choiceRefused}` : styles.choice} data-testid="scan-cert" data-authorized={String(c.authorized !== false)}>
              <input type="radio" name="cert" value={c.id} checked={c.id === certId} disabled={c.authorized === false} onChange={() => { setCertId(c.id); setSealId(sealsOf(c.id)[0]?.id ?? ""); }} />
              <span>
                <strong>{c.subjectName}</strong>
                {(c.isEnterprise || c.authorized === false) && (
                  <span className={styles.tags}>
                    {c.isEnterprise && <span className={styles.tag}>{t("scanner.enterprise")}</span>}
                    {c.authorized === false && <span className={styles.tagNo} data-testid="scan-cert-refusal">{t(c.refusal === "not_a_member" ? "scanner.certNotMember" : "scanner.certNotAuthorized")}</span>}
                  </span>
                )}
                <small>{t("scanner.serial")} {c.serialHex.slice(0, 16)}…</small>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {request.withSeal && (
        certSeals.length === 0 ? (
          <Alert tone={request.sealRequired ? "warning" : "info"} isLive={false} data-testid="scan-no-seals">{t(request.sealRequired ? "scanner.sealRequiredNone" : "scanner.noSeals")}</Alert>
        ) : (
          <fieldset className={styles.choices} data-testid="scan-seals">
            <legend>{t("scanner.seal")}</legend>
            {request.sealPinned && <p className={styles.small}>{t("scanner.sealPinned")}</p>}
            {certSeals.map((s) => (
              <label key={s.id} className={styles.choice} data-testid="scan-seal">
                <input type="radio" name="seal" value={s.id} checked={s.id === sealId} onChange={() => setSealId(s.id)} />
                <span>
                  <strong>{s.name}</strong>
                  {(s.kind || s.grantedBy != null) && (
                    <span className={styles.tags}>
                      {s.kind && <small>{t(`seals.kinds.${s.kind}` as MessageKey)}</small>}
                      {s.grantedBy != null && <span className={styles.tag} data-testid="scan-seal-granted">{t("sealGrants.byOrg", { org: s.grantedBy })}</span>}
                    </span>
                  )}
                </span>
              </label>
            ))}
            {!request.sealRequired && (
              <label className={styles.choice} data-testid="scan-seal-none">
                <input type="radio" name="seal" value="" checked={sealId === ""} onChange={() => setSealId("")} />
                <span>{t("scanner.sealNone")}</span>
              </label>
            )}
          </fieldset>
        )
      )}

      {request.type === "sign" && cert && (
        <div className={styles.sessionBox}>
          <Checkbox label={t("scanner.session", { minutes })} hint={t("scanner.sessionHint")} checked={wantsSession} onChange={(e) => setWantsSession(e.target.checked)} data-testid="open-session" />
          {wantsSession && (
            <div className={styles.sessionOptions}>
              <label>
                {t("scanner.minutes")}{" "}
                <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} data-testid="session-minutes">
                  {SESSION_MINUTES.map((m) => <option key={m} value={m}>{t("scanner.minutesOption", { minutes: m })}</option>)}
                </select>
              </label>
              <Checkbox label={t("scanner.autoConfirm")} checked={autoConfirm} onChange={(e) => setAutoConfirm(e.target.checked)} data-testid="auto-confirm" />
            </div>
          )}
        </div>
      )}

      {isHere === false && cert && <Alert tone="warning" isLive={false}>{t("scanner.notOnThisPhone")}</Alert>}
      <p className={styles.expires}>{t("scanner.expiresAt", { time: new Date(request.expiresAt).toLocaleTimeString(locale) })}</p>
      <Alert tone="error" data-testid="scan-error">{error}</Alert>

      {cert && isHere && !isSealMissing && (
        <section aria-label={t("scanner.pin")}>
          <p className={styles.pinHint}>{phase === "working" ? t("scanner.working") : t("scanner.pinHint")}</p>
          <PinKeypad value={pin} onChange={onPin} isDisabled={phase === "working"} />
        </section>
      )}
      <Button variant="ghost" block onClick={onReject} disabled={phase === "working"} data-testid="scan-reject">{t("scanner.reject")}</Button>
      <p className={styles.small}><Link href="/m">{t("scanner.back")}</Link></p>
    </div>
  );
}
