"use client";
import { useEffect, useState } from "react";
import QRCode from "qrcode";
import { useT } from "@/lib/i18n/client";
import styles from "./demo-tender.module.css";

export type DemoScan = { id: string; qrContent?: string; expiresAt: string; status: string };
export type DemoPoll = { request: { id: string; status: string; failReason: string | null; webhook: { verified: boolean } | null }; state: Record<string, unknown> };

/**
 * A request's QR code and live status: polls the demo's own status route (which calls the public
 * API and verifies the result on completion) until the request is finished.
 */
export function QrPanel({ scan, label, onUpdate }: { scan: DemoScan; label: string; onUpdate: (poll: DemoPoll) => void }) {
  const t = useT();
  const [src, setSrc] = useState("");
  const [status, setStatus] = useState(scan.status);

  useEffect(() => {
    if (scan.qrContent) void QRCode.toDataURL(scan.qrContent, { margin: 2, width: 240, errorCorrectionLevel: "M" }).then(setSrc);
  }, [scan.qrContent]);

  useEffect(() => {
    let timer = 0;
    let stopped = false;
    const poll = async () => {
      const res = await fetch(`/demo/tender/api/requests/${scan.id}`, { cache: "no-store" }).catch(() => null);
      const data = res?.ok ? ((await res.json()) as DemoPoll) : null;
      if (data) {
        setStatus(data.request.status);
        onUpdate(data);
      }
      const isFinal = data && ["completed", "rejected", "expired", "failed"].includes(data.request.status);
      if (!stopped && !isFinal) timer = window.setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [scan.id, onUpdate]);

  const text =
    status === "pending" ? t("scanner.demo.waiting") : status === "scanned" ? t("scanner.demo.scanned") : status === "expired" ? t("scanner.demo.expired") : status === "rejected" ? t("scanner.demo.rejectedByUser") : "";
  return (
    <figure className={styles.qr} data-testid="demo-qr-panel" data-status={status}>
      {scan.qrContent && status !== "completed" && (src ? <img src={src} alt={label} width={240} height={240} data-testid="demo-qr" data-qr-content={scan.qrContent} /> : <span className={styles.qrPlaceholder} />)}
      <figcaption data-testid="demo-qr-status">{text || label}</figcaption>
    </figure>
  );
}
