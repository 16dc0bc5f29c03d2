"use client";
import { useCallback, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useLocale, useT } from "@/lib/i18n/client";
import { phoneApi } from "@/lib/phone/phone-api";
import { usePhoneError } from "@/components/phone/use-phone-error";
import { PinKeypad } from "./pin-keypad";
import { completeScan, performScan } from "./scan-client";
import { forgetSessionKey, keepSessionKey, sessionKey } from "./session-keys";
import { useSessionRequests, type PendingSignRequest } from "./use-session-requests";
import { SignDocumentRows } from "./sign-document-rows";
import styles from "./scan.module.css";

export type OpenSession = { id: string; expiresAt: string; autoConfirm: boolean; certificateId: string; keyShareId: string; pem: string; platform: string };
type Pending = PendingSignRequest;

/**
 * 会话签章 on the phone: follows the session's sign requests (useSessionRequests); each is signed
 * after a tap, or at once with 自动确认, using d1 kept in memory since the PIN opened the session.
 * Without that key (page reloaded) the PIN pad asks again and the key is kept anew.
 */
export function SessionPanel({ session }: { session: OpenSession }) {
  const t = useT();
  const locale = useLocale();
  const describe = usePhoneError();
  const [waiting, setWaiting] = useState<Pending[]>([]);
  const [signed, setSigned] = useState<string[]>([]);
  const [error, setError] = useState("");
  const [pin, setPin] = useState("");
  const [isEnded, setEnded] = useState(false);
  const busy = useRef(new Set<string>());
  const [hasKey, setHasKey] = useState(() => Boolean(sessionKey(session.id)));

  const sign = useCallback(
    async (req: Pending, withPin?: string) => {
      if (busy.current.has(req.id)) return;
      busy.current.add(req.id);
      try {
        const body = await performScan({
          op: req,
          cert: { id: session.certificateId, keyShareId: session.keyShareId, pem: session.pem },
          pin: withPin,
          sessionId: session.id,
          keep: (d1) => keepSessionKey(session.id, d1, session.expiresAt),
        });
        await completeScan({ id: req.id, body: { certificateId: session.certificateId, result: body } });
        setSigned((s) => [...s, req.payload.title ?? ""]);
        setWaiting((w) => w.filter((x) => x.id !== req.id));
        setHasKey(Boolean(sessionKey(session.id)));
        setError("");
      } catch (err) {
        setError(describe(err));
      } finally {
        busy.current.delete(req.id);
      }
    },
    [describe, session],
  );

  useSessionRequests(session, {
    enabled: !isEnded,
    onRequests: async (mine) => {
      setWaiting(mine);
      if (session.autoConfirm && sessionKey(session.id)) for (const r of mine) await sign(r);
    },
  });

  async function onEnd() {
    try {
      await phoneApi(`/api/m/scan/sessions/${session.id}/end`, {});
    } catch (err) {
      setError(describe(err));
    }
    forgetSessionKey(session.id);
    setEnded(true);
  }

  return (
    <section className={styles.sessionPanel} data-testid="session-panel" aria-live="polite">
      <h3>{isEnded ? t("scanner.sessionEnded") : t("scanner.sessionOpen")}</h3>
      <p className={styles.small}>
        {session.platform} · {t("scanner.sessionUntil", { time: new Date(session.expiresAt).toLocaleTimeString(locale) })}
        {session.autoConfirm ? ` · ${t("scanner.sessionAuto")}` : ""}
      </p>
      {!isEnded && waiting.length === 0 && <p className={styles.small}>{t("scanner.sessionWaiting")}</p>}
      {!isEnded &&
        waiting.map((r) => (
          <div key={r.id} className={styles.incoming} data-testid="session-request">
            <p>{t("scanner.sessionIncoming")}：「{r.payload.title}」</p>
            <dl className={styles.facts}>
              <SignDocumentRows payload={r.payload} />
            </dl>
            {hasKey ? (
              <Button block onClick={() => void sign(r)} data-testid="session-sign">{t("scanner.sessionSign")}</Button>
            ) : (
              <>
                <p className={styles.small}>{t("scanner.sessionNeedsPin")}</p>
                <PinKeypad
                  value={pin}
                  onChange={(next) => {
                    setPin(next);
                    if (next.length === 6) void sign(r, next).finally(() => setPin(""));
                  }}
                />
              </>
            )}
          </div>
        ))}
      <ul className={styles.signedList}>
        {signed.map((title, i) => <li key={i} data-testid="session-signed">{t("scanner.sessionSigned", { title })}</li>)}
      </ul>
      <Alert tone="error" data-testid="session-error">{error}</Alert>
      {!isEnded && <Button variant="outline" block onClick={onEnd} data-testid="session-end">{t("scanner.sessionEnd")}</Button>}
    </section>
  );
}
