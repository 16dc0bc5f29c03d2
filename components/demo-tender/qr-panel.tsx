"use client";
import { useEffect, useState } from "react";
import QRCode from "qrcode";
import { useT } from "@/lib/i18n/client";
import { shortFingerprint } from "@/lib/phone/sign-document-facts";
import { useDemoRequest, type DemoPoll } from "./use-demo-request";
import styles from "./demo-tender.module.css";

export type DemoScan = { id: string; qrContent?: string; expiresAt: string; status: string };
export type { DemoPoll };

/**
 * A request's QR code and live status: polls the demo's own status route (which calls the public
 * API and verifies the result on completion) until the request is finished.
 */
export function QrPanel({ scan, label, fingerprint, onUpdate }: { scan: DemoScan; label: string; fingerprint?: string; onUpdate: (poll: DemoPoll) => void }) {
  const t = useT();
  const [src, setSrc] = useState("");

  useEffect(() => {
    if (scan.qrContent) void QRCode.toDataURL(scan.qrContent, { margin: 2, width: 240, errorCorrectionLevel: "M" }).then(setSrc);
  }, [scan.qrContent]);

  // Every answer goes to the page (as each poll did), not only a changed one.
  const { data, dataUpdatedAt } = useDemoRequest(scan.id);
  const status = data?.request.status ?? scan.status;
  useEffect(() => {
    if (data) onUpdate(data);
  }, [data, dataUpdatedAt, onUpdate]);

  const text =
    status === "pending" ? t("scanner.demo.waiting") : status === "scanned" ? t("scanner.demo.scanned") : status === "expired" ? t("scanner.demo.expired") : status === "rejected" ? t("scanner.demo.rejectedByUser") : "";
  return (
    <figure className={styles.qr} data-testid="demo-qr-panel" data-status={status}>
      {scan.qrContent && status !== "completed" && (src ? <img src={src} alt={label} width={240} height={240} data-testid="demo-qr" data-qr-content={scan.qrContent} /> : <span className={styles.qrPlaceholder} />)}
      <figcaption data-testid="demo-qr-status">{text || label}</figcaption>
      {/* The digest the holder signs, as the phone's confirmation shows it: the two can be compared. */}
      {fingerprint && status !== "completed" && <small data-testid="demo-qr-fingerprint">{t("scanner.demo.fingerprint", { fingerprint: shortFingerprint(fingerprint) })}</small>}
    </figure>
  );
}
