"use client";
import { useState } from "react";
import styles from "./material-viewer.module.css";

/**
 * One uploaded material, inline: images zoom on click (reviewers compare small print on licences
 * and ID cards), PDFs open in an embedded viewer with a plain link as the fallback.
 */
export function MaterialViewer({ src, mime, label, zoomLabel, openLabel }: { src: string; mime: string; label: string; zoomLabel: string; openLabel: string }) {
  const [isZoomed, setZoomed] = useState(false);
  if (mime === "application/pdf") {
    return (
      <object data={src} type="application/pdf" className={styles.pdf} aria-label={label}>
        <a href={src} target="_blank" rel="noreferrer">{openLabel}</a>
      </object>
    );
  }
  return (
    <button type="button" className={isZoomed ? `${styles.frame} ${styles.zoomed}` : styles.frame} onClick={() => setZoomed((z) => !z)} aria-pressed={isZoomed} title={zoomLabel}>
      {/* eslint-disable-next-line @next/next/no-img-element -- private bytes from an authenticated route, not an optimisable asset */}
      <img src={src} alt={label} className={styles.image} />
    </button>
  );
}
