"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import styles from "./material-viewer.module.css";

/**
 * One uploaded material, inline: an image's thumbnail opens a lightbox with the picture at the size of
 * the window (reviewers compare small print on licences and ID cards; it zoomed inside its tile before),
 * Esc or the backdrop closes it. PDFs are never opened inside the console: the server sends them as
 * downloads in a sandbox (Chromium's viewer refuses sandboxed documents), so the reviewer downloads the
 * file and reads it in a local viewer. Uploads were checked to carry no script or actions.
 */
export function MaterialViewer({ src, mime, label, zoomLabel, openLabel }: { src: string; mime: string; label: string; zoomLabel: string; openLabel?: string }) {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
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
    <>
      <button type="button" className={styles.frame} onClick={() => setOpen(true)} aria-haspopup="dialog" title={zoomLabel} data-testid="material-zoom">
        {/* eslint-disable-next-line @next/next/no-img-element -- private bytes from an authenticated route, not an optimisable asset */}
        <img src={src} alt={label} className={styles.image} />
      </button>
      <Dialog
        isOpen={isOpen}
        onClose={() => setOpen(false)}
        title={label}
        isWide
        data-testid="material-lightbox"
        footer={openLabel && <a href={src} target="_blank" rel="noreferrer">{openLabel}</a>}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
        <img src={src} alt={label} className={styles.full} />
      </Dialog>
    </>
  );
}
