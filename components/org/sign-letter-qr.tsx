"use client";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { useT } from "@/lib/i18n/client";
import styles from "./request-area.module.css";

const POLL_MS = 2000;

export type TLetterStart = { signatureId: string; qrContent: string; letterText: string; expiresAt: string };
type TSignatureState = { status: "PENDING" | "APPLIED" | "FAILED" | "EXPIRED"; failReason: string | null };

/**
 * A letter to sign on the phone (the desk is a relying party of its own scan-to-sign): the letter's text,
 * the QR the CertDesk app scans, and the letter's state polled every two seconds until it is applied,
 * failed or expired. onSettled runs once with the final state (the page refreshes its lists).
 */
export function SignLetterQr({ letter, onSettled, onRestart }: { letter: TLetterStart; onSettled?: (status: TSignatureState["status"]) => void; onRestart?: () => void }) {
  const t = useT();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(letter.qrContent, { margin: 1, width: 400, errorCorrectionLevel: "M" }).then(setQr);
  }, [letter.qrContent]);
  const { data } = useQuery({
    queryKey: ["org-signature", letter.signatureId],
    queryFn: async (): Promise<TSignatureState> => {
      const res = await fetch(`/api/org/signatures/${letter.signatureId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(res.statusText);
      return ((await res.json()) as { signature: TSignatureState }).signature;
    },
    initialData: { status: "PENDING", failReason: null },
    refetchInterval: (query) => (query.state.data?.status === "PENDING" ? POLL_MS : false),
  });
  const status = data.status;
  useEffect(() => {
    if (status !== "PENDING") onSettled?.(status);
  }, [status, onSettled]);
  const path = new URL(letter.qrContent).pathname;
  return (
    <div className={styles.letter} data-testid="sign-letter" data-status={status}>
      <div className={styles.qrBox}>
        {qr ? <img src={qr} alt={t("orgRequests.letter.qrAlt")} className={styles.qr} data-testid="sign-letter-qr" data-url={letter.qrContent} /> : <div className={styles.qr} />}
        <a href={path} className={styles.small} target="_blank" rel="noopener">{t("orgRequests.letter.openOnPhone")}</a>
      </div>
      <div className={styles.side}>
        <h3>{t("orgRequests.letter.title")}</h3>
        <p className={styles.small}>{t("orgRequests.letter.lead")}</p>
        <div role="status" aria-live="polite" className={styles.status} data-testid="sign-letter-status">
          {status === "PENDING" && (<><span className={styles.dot} aria-hidden="true" />{t("orgRequests.letter.waiting")}</>)}
          {status === "APPLIED" && <span className={styles.ok}>✓ {t("orgRequests.letter.applied")}</span>}
          {status === "FAILED" && <span className={styles.bad}>{t("orgRequests.letter.failed", { reason: t(`orgRequests.signatureFail.${data.failReason ?? "apply_failed"}` as MessageKey) })}</span>}
          {status === "EXPIRED" && <span className={styles.bad}>{t("orgRequests.letter.expired")}</span>}
        </div>
        {(status === "FAILED" || status === "EXPIRED") && onRestart && (
          <button type="button" onClick={onRestart} className={styles.small}>{t("orgRequests.letter.restart")}</button>
        )}
        <div>
          <p className={styles.small}>{t("orgRequests.letter.textLabel")}</p>
          <pre className={styles.letterText} data-testid="sign-letter-text">{letter.letterText}</pre>
        </div>
      </div>
    </div>
  );
}
