"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import styles from "./material-viewer.module.css";

/**
 * One uploaded material, inline: images (re-encoded at upload) zoom on click, since reviewers
 * compare small print on licences and ID cards. PDFs are never opened inside the console: the
 * server sends them as downloads in a sandbox (Chromium's viewer refuses sandboxed documents), so
 * the reviewer downloads the file and reads it in a local viewer. Uploads were checked to carry no
 * script or actions.
 */
export function MaterialViewer({ src, mime, label, zoomLabel }: { src: string; mime: string; label: string; zoomLabel: string; openLabel?: string }) {
  const t = useT();
  const [isZoomed, setZoomed] = useState(false);
  if (!mime.startsWith("image/")) {
    return (
      <div className={styles.pdf} data-testid="material-pdf">
        <span className={styles.pdfBadge} aria-hidden="true">PDF</span>
        <span className={styles.pdfText}>
          <strong>{t("materials.viewer.pdf")}</strong>
          <span className={styles.pdfNote}>{t("materials.viewer.pdfNote")}</span>
          <a href={src} download aria-label={`${t("materials.viewer.pdfDownload")}: ${label}`}>
            {t("materials.viewer.pdfDownload")}
          </a>
        </span>
      </div>
    );
  }
  return (
    <button type="button" className={isZoomed ? `${styles.frame} ${styles.zoomed}` : styles.frame} onClick={() => setZoomed((z) => !z)} aria-pressed={isZoomed} title={zoomLabel}>
      {/* eslint-disable-next-line @next/next/no-img-element -- private bytes from an authenticated route, not an optimisable asset */}
      <img src={src} alt={label} className={styles.image} />
    </button>
  );
}
