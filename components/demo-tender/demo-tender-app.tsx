"use client";
import { useCallback, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FileButton } from "@/components/ui/file-button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { hasMessage } from "@/lib/i18n/translate";
import { QrPanel, type DemoPoll, type DemoScan } from "./qr-panel";
import { SubjectLibraryView, type DemoSync } from "./subject-library-view";
import { PdfSealCard, type DemoPdf } from "./pdf-seal-card";
import { subjectName } from "./subject-name";
import styles from "./demo-tender.module.css";

type User = { subject: string; serial: string; issuer: string; encryptionCertificate: string | null } | null;
type Bid = {
  title: string;
  fileName: string;
  size: number;
  sm3: string;
  signature?: { valid: boolean; subject?: string; signingTime?: string; reasons: string[] };
  sessionId?: string;
  encrypted?: { serial: string };
  opened?: { matches: boolean; sm3: string };
} | null;
type Extra = { requestId: string; valid?: boolean };

async function step(name: string, body?: FormData) {
  const res = await fetch(`/demo/tender/api/steps/${name}`, { method: "POST", body });
  const data = (await res.json()) as { scan: DemoScan | null; state: DemoPoll["state"]; error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? res.statusText);
  return data;
}

/** The demo platform's one page: QR login, bid upload and signing, envelope, bid opening. */
export function DemoTenderApp({ initialUser, initialBid, initialSync = null, initialPdf = null }: { initialUser: User; initialBid: Bid; initialSync?: DemoSync; initialPdf?: DemoPdf }) {
  const t = useT();
  const reason = (r: string) => (hasMessage(`sealsUse.verify.reasons.${r}`) ? t(`sealsUse.verify.reasons.${r}` as MessageKey) : r);
  const [user, setUser] = useState<User>(initialUser);
  const [bid, setBid] = useState<Bid>(initialBid);
  const [extras, setExtras] = useState<Extra[]>([]);
  const [login, setLogin] = useState<DemoScan | null>(null);
  const [sign, setSign] = useState<DemoScan | null>(null);
  const [open, setOpen] = useState<DemoScan | null>(null);
  const [syncScan, setSyncScan] = useState<DemoScan | null>(null);
  const [sync, setSync] = useState<DemoSync>(initialSync);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState("");
  const [webhookOk, setWebhookOk] = useState(false);

  const onUpdate = useCallback((poll: DemoPoll) => {
    const s = poll.state as { user: User; bid: Bid; extraSigns?: Extra[]; sync?: DemoSync };
    setUser(s.user);
    setBid(s.bid);
    setExtras(s.extraSigns ?? []);
    setSync(s.sync ?? null);
    if (poll.request.webhook?.verified) setWebhookOk(true);
  }, []);

  async function run(name: string, set?: (s: DemoScan | null) => void, body?: FormData) {
    setError("");
    setBusy(name);
    try {
      const { scan, state } = await step(name, body);
      set?.(scan);
      onUpdate({ request: { id: scan?.id ?? "", status: scan?.status ?? "", failReason: null, webhook: null }, state });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy("");
    }
  }

  return (
    <div className={styles.grid}>
      <section className={styles.card} aria-labelledby="demo-login">
        <h2 id="demo-login">{t("scanner.demo.login")}</h2>
        {user ? (
          <>
            <p className={styles.ok} data-testid="demo-logged-in">{t("scanner.demo.loggedIn", { subject: subjectName(user.subject) })}</p>
            <p className={styles.muted} data-testid="demo-chain">{t("scanner.demo.chainOk", { issuer: user.issuer })}</p>
            <Button variant="ghost" size="sm" onClick={() => void fetch("/demo/tender/api/logout", { method: "POST" }).then(() => window.location.reload())} data-testid="demo-logout">{t("scanner.demo.logout")}</Button>
          </>
        ) : (
          <>
            <p className={styles.muted}>{t("scanner.demo.loginLead")}</p>
            {login && <QrPanel key={login.id} scan={login} label={t("scanner.demo.login")} onUpdate={onUpdate} />}
            <Button onClick={() => void run("login", setLogin)} isLoading={busy === "login"} data-testid="demo-login-start">{login ? t("scanner.demo.refresh") : t("scanner.demo.login")}</Button>
          </>
        )}
      </section>

      <section className={styles.card} aria-labelledby="demo-bid">
        <h2 id="demo-bid">{t("scanner.demo.bid")}</h2>
        <p className={styles.muted}>{t("scanner.demo.bidLead")}</p>
        {!user && <p className={styles.muted}>{t("scanner.demo.needLogin")}</p>}
        {user && (
          <form
            className={styles.form}
            onSubmit={(e) => {
              e.preventDefault();
              void run("sign", setSign, new FormData(e.currentTarget));
            }}
          >
            <FileButton caption={t("scanner.demo.file")} name="file" accept="application/pdf" required data-testid="demo-bid-file" />
            <Button type="submit" isLoading={busy === "sign"} data-testid="demo-bid-upload">{t("scanner.demo.upload")}</Button>
          </form>
        )}
        {sign && !bid?.signature && <QrPanel key={sign.id} scan={sign} label={t("scanner.demo.signQr", { title: bid?.title ?? "" })} fingerprint={bid?.sm3} onUpdate={onUpdate} />}
        {bid?.signature && (
          <p className={bid.signature.valid ? styles.ok : styles.bad} data-testid="demo-sign-result">
            {bid.signature.valid
              ? t("scanner.demo.signed", { subject: subjectName(bid.signature.subject), time: bid.signature.signingTime ? new Date(bid.signature.signingTime).toLocaleString() : "" })
              : t("scanner.demo.signBad", { reasons: bid.signature.reasons.map(reason).join("；") })}
          </p>
        )}
        {bid?.signature?.valid && <a href="/demo/tender/api/bid/p7s" className={styles.muted} data-testid="demo-p7s">{t("scanner.demo.downloadP7s")}</a>}
        {bid?.sessionId && (
          <div className={styles.row}>
            <Button variant="secondary" onClick={() => void run("session_sign")} isLoading={busy === "session_sign"} data-testid="demo-session-sign">{t("scanner.demo.sessionSign")}</Button>
            <ul className={styles.extras}>
              {extras.map((x, i) => (
                <li key={x.requestId} data-testid="demo-extra-sign" data-valid={x.valid === undefined ? "" : String(x.valid)}>
                  #{i + 1} {x.valid === undefined ? t("scanner.demo.sessionSent") : x.valid ? "✓" : "✕"}
                  {x.valid === undefined && <QrPanel key={x.requestId} scan={{ id: x.requestId, expiresAt: "", status: "pending" }} label="" onUpdate={onUpdate} />}
                </li>
              ))}
            </ul>
          </div>
        )}
        {bid?.signature?.valid && (
          <div className={styles.row}>
            <Button variant="outline" onClick={() => void run("encrypt")} isLoading={busy === "encrypt"} disabled={Boolean(bid.encrypted)} data-testid="demo-encrypt">{t("scanner.demo.encrypt")}</Button>
            {bid.encrypted && <p className={styles.ok} data-testid="demo-encrypted">{t("scanner.demo.encrypted", { serial: bid.encrypted.serial })}</p>}
          </div>
        )}
        {bid?.encrypted && (
          <div className={styles.row}>
            <Button onClick={() => void run("open", setOpen)} isLoading={busy === "open"} data-testid="demo-open">{t("scanner.demo.open")}</Button>
            {open && !bid.opened && <QrPanel key={open.id} scan={open} label={t("scanner.demo.decryptQr", { title: bid.title })} onUpdate={onUpdate} />}
            {bid.opened && (
              <p className={bid.opened.matches ? styles.ok : styles.bad} data-testid="demo-open-result">
                {bid.opened.matches ? t("scanner.demo.decrypted", { hash: `${bid.opened.sm3.slice(0, 16)}…` }) : t("scanner.demo.decryptBad")}
              </p>
            )}
          </div>
        )}
      </section>
      <section className={styles.card} aria-labelledby="demo-sync">
        <h2 id="demo-sync">{t("scanner.demo.sync")}</h2>
        <p className={styles.muted}>{t("scanner.demo.syncLead")}</p>
        {syncScan && !sync?.library && !sync?.failReason && <QrPanel key={syncScan.id} scan={syncScan} label={t("scanner.demo.syncQr")} onUpdate={onUpdate} />}
        {sync?.library && (
          <>
            <p className={styles.ok} data-testid="demo-synced">{t("scanner.demo.synced")}</p>
            <SubjectLibraryView library={sync.library} />
          </>
        )}
        {sync?.failReason && (
          <p className={styles.bad} data-testid="demo-sync-refused" data-reason={sync.failReason}>
            {sync.failReason === "declined_by_user" ? t("scanner.demo.rejectedByUser") : t("scanner.demo.syncRefused", { reason: sync.failReason })}
          </p>
        )}
        <Button variant="secondary" onClick={() => void run("sync", setSyncScan)} isLoading={busy === "sync"} data-testid="demo-sync-start">
          {syncScan ? t("scanner.demo.refresh") : t("scanner.demo.sync")}
        </Button>
      </section>
      <PdfSealCard isLoggedIn={Boolean(user)} initialPdf={initialPdf} />
      <Alert tone="error" data-testid="demo-error">{error}</Alert>
      {webhookOk && <p className={styles.muted} data-testid="demo-webhook">{t("scanner.demo.webhookVerified")}</p>}
    </div>
  );
}
