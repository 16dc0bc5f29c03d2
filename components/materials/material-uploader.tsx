"use client";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import type { MaterialKind } from "@/lib/generated/prisma/enums";
import type { MaterialView } from "@/lib/server/materials/save-material";
import { useT } from "@/lib/i18n/client";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { uploadWithProgress } from "./upload-with-progress";
import styles from "./material-uploader.module.css";

const MAX_BYTES = 10 * 1024 * 1024;

/** isMissing: the step's 下一步 found this slot empty; it is marked until a file is there. */
type Props = { orderId: string; kind: MaterialKind; label: string; accept?: string; onUploaded?: (m: MaterialView) => void; isMissing?: boolean };
type ErrorBody = { error?: { message?: string; fields?: Record<string, string[]> } };

function formatSize(n: number) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** One document slot of the wizard: pick a file, watch it upload, see it, replace it. */
export function MaterialUploader({ orderId, kind, label, accept = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf", onUploaded, isMissing = false }: Props) {
  const t = useT();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [material, setMaterial] = useState<MaterialView | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isHydrated = useHydrated();

  useEffect(() => {
    let live = true;
    void fetch(`/api/orders/${orderId}/materials`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { materials: [] }))
      .then((b: { materials: MaterialView[] }) => live && setMaterial(b.materials.find((m) => m.kind === kind) ?? null));
    return () => {
      live = false;
    };
  }, [orderId, kind]);

  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again must fire change again
    if (!file) return;
    setError(null);
    // Checked again on the server; here it saves a long upload that would be refused.
    if (file.size > MAX_BYTES) return setError(t("materials.errors.tooLarge"));
    if (file.size === 0) return setError(t("materials.errors.empty"));
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    setProgress(0);
    try {
      const res = await uploadWithProgress(`/api/orders/${orderId}/materials`, form, setProgress);
      if (res.ok) {
        setMaterial(res.body as MaterialView);
        onUploaded?.(res.body as MaterialView);
      }
      else {
        const body = (res.body ?? {}) as ErrorBody;
        setError(body.error?.fields?.file?.[0] ?? body.error?.message ?? t("materials.uploader.failed"));
      }
    } catch {
      setError(t("materials.uploader.network"));
    } finally {
      setProgress(null);
    }
  }

  const uploading = progress !== null;
  const isMarked = isMissing && !material && !uploading;
  return (
    <div className={[styles.uploader, material ? styles.hasFile : "", isMarked ? styles.missing : ""].join(" ")} data-testid={`material-${kind}`} data-missing={isMarked || undefined}>
      <div className={styles.head}>
        <label htmlFor={inputId} className={styles.label}>
          {label}
        </label>
        <span className={styles.hint}>{t("materials.uploader.hint")}</span>
      </div>

      {material && !uploading && <Preview material={material} label={label} />}

      {uploading && (
        <div>
          <progress className={styles.progress} max={1} value={progress} aria-label={label} />
          <p className={styles.muted}>{t("materials.uploader.uploading", { percent: Math.round(progress * 100) })}</p>
        </div>
      )}

      <div className={styles.actions}>
        <input ref={inputRef} id={inputId} type="file" accept={accept} className={styles.input} onChange={onChange} disabled={uploading || !isHydrated} aria-describedby={`${inputId}-status`} />
        <button type="button" className={buttonClassName({ variant: material ? "outline" : "primary", size: "sm" })} onClick={() => inputRef.current?.click()} disabled={uploading || !isHydrated}>
          {material ? t("materials.uploader.replace") : t("materials.uploader.choose")}
        </button>
      </div>
      <Alert tone="error" id={`${inputId}-status`} data-testid={`material-${kind}-error`}>
        {error ?? (isMarked ? t("materials.uploader.missing") : undefined)}
      </Alert>
    </div>
  );
}

function Preview({ material, label }: { material: MaterialView; label: string }) {
  const t = useT();
  const isImage = material.mime.startsWith("image/");
  return (
    <div className={styles.preview}>
      {isImage ? (
        <img src={material.url} alt={t("materials.uploader.previewAlt", { label })} className={styles.thumb} />
      ) : (
        <a href={material.url} target="_blank" rel="noopener" className={styles.pdf} aria-label={t("materials.uploader.pdfPreview")}>
          PDF
        </a>
      )}
      <div className={styles.meta}>
        <span className={styles.name} title={material.originalName}>
          {material.originalName}
        </span>
        <span className={styles.muted}>
          {t("materials.uploader.uploaded")} · {formatSize(material.size)}
        </span>
        <a href={material.url} target="_blank" rel="noopener">
          {t("materials.uploader.view")}
        </a>
      </div>
    </div>
  );
}
