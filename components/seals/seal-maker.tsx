"use client";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { Button, buttonClassName } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { ORG_SEAL_KINDS as ORG_KINDS, PERSONAL_SEAL_SOURCES as SOURCES } from "./seal-reapply";
import { SignaturePad, type SignaturePadHandle } from "./signature-pad";
import styles from "./seals.module.css";

export type MakerCertificate = { id: string; label: string };
type ErrorBody = { error?: { message?: string; fields?: Record<string, string[]> } };


/**
 * 新增印章: enterprise (kind → photo) or personal (upload / signature pad / generated). An upload or a
 * drawing is first processed by the server (处理预览) and shown next to the original; then it is submitted.
 * The same form on the desk and in the phone app (`isPhone`: the camera or the gallery instead of a file input).
 */
export function SealMaker({ mode, orgId, certificates, isPhone = false, initial }: { mode: "org" | "personal"; orgId?: string; certificates: MakerCertificate[]; isPhone?: boolean; initial?: string }) {
  const t = useT();
  const router = useRouter();
  const pad = useRef<SignaturePadHandle>(null);
  const [kind, setKind] = useState<string>(mode === "org" && initial ? initial : "OFFICIAL");
  const [source, setSource] = useState<(typeof SOURCES)[number]>(mode === "personal" && initial ? (initial as (typeof SOURCES)[number]) : "UPLOAD");
  const [style, setStyle] = useState<"square" | "round">("square");
  const [certificateId, setCertificateId] = useState(certificates[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [original, setOriginal] = useState<string | null>(null);
  const [processed, setProcessed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const sealKind = mode === "org" ? kind : source === "HANDWRITTEN" ? "HANDWRITTEN" : "PERSONAL";
  const needsPicture = mode === "org" || source !== "GENERATED";

  function onPick(e: ChangeEvent<HTMLInputElement>) {
    setFile(e.target.files?.[0] ?? null);
    setProcessed(null);
    setOriginal(null);
  }

  async function picture(): Promise<Blob | null> {
    if (mode === "personal" && source === "HANDWRITTEN") {
      if (!pad.current || pad.current.isEmpty()) return null;
      return pad.current.toPng();
    }
    return file;
  }

  async function post(url: string, form: FormData) {
    const res = await fetch(url, { method: "POST", body: form });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown> & ErrorBody;
    if (!res.ok) throw new Error(body.error?.fields?.file?.[0] ?? body.error?.message ?? t("seals.maker.failed"));
    return body;
  }

  async function onPreview() {
    setError(null);
    setDone(null);
    const blob = await picture();
    if (!blob) return setError(t(source === "HANDWRITTEN" && mode === "personal" ? "seals.maker.padEmpty" : "seals.errors.fileEmpty"));
    const form = new FormData();
    form.set("kind", sealKind);
    form.set("file", blob, "picture");
    setBusy(true);
    try {
      const body = await post("/api/seals/preview", form);
      setOriginal(URL.createObjectURL(blob));
      setProcessed(`data:image/png;base64,${body.processedPngBase64 as string}`);
    } catch (err) {
      setProcessed(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const form = new FormData();
    form.set("certificateId", certificateId);
    if (mode === "org") form.set("kind", kind);
    else {
      form.set("source", source);
      if (source === "GENERATED") form.set("style", style);
    }
    if (needsPicture) {
      const blob = await picture();
      if (!blob) return setError(t("seals.errors.fileEmpty"));
      form.set("file", blob, "picture");
    }
    setBusy(true);
    try {
      const body = await post(mode === "org" ? `/api/org/${orgId}/seals` : "/api/seals", form);
      setDone(t(body.status === "APPROVED" ? "seals.maker.approvedNow" : "seals.maker.submitted"));
      setFile(null);
      setOriginal(null);
      setProcessed(null);
      pad.current?.clear();
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id="seal-maker" className={styles.form} onSubmit={onSubmit} data-testid={`seal-maker-${mode}`}>
      <div className={styles.row}>
        {mode === "org" ? (
          <label className={styles.label}>
            {t("seals.maker.kind")}
            <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} options={ORG_KINDS.map((k) => ({ value: k, label: t(`seals.kinds.${k}` as MessageKey) }))} data-testid="seal-kind" />
          </label>
        ) : (
          <label className={styles.label}>
            {t("seals.maker.source")}
            <Select name="source" value={source} onChange={(e) => { setSource(e.target.value as (typeof SOURCES)[number]); setProcessed(null); setOriginal(null); }} options={SOURCES.map((s) => ({ value: s, label: t(`seals.sources.${s}`) }))} data-testid="seal-source" />
          </label>
        )}
        <label className={styles.label}>
          {t("seals.maker.certificate")}
          <Select name="certificateId" value={certificateId} onChange={(e) => setCertificateId(e.target.value)} options={certificates.map((c) => ({ value: c.id, label: c.label }))} data-testid="seal-certificate" />
        </label>
      </div>

      {needsPicture && (mode === "org" || source === "UPLOAD") && (
        <div className={styles.label}>
          <span>{t("seals.maker.file")}</span>
          {isPhone ? (
            // The phone: 拍照 opens the camera (capture), 从相册选择 the gallery or files; the server checks the content either way.
            <span className={styles.actions}>
              <label className={buttonClassName({ variant: "outline" }, styles.pick)}>
                {t("seals.maker.camera")}
                <input type="file" accept="image/*" capture="environment" className={styles.pickInput} data-testid="seal-camera" onChange={onPick} />
              </label>
              <label className={buttonClassName({ variant: "outline" }, styles.pick)}>
                {t("seals.maker.gallery")}
                <input type="file" accept="image/*" className={styles.pickInput} data-testid="seal-file" onChange={onPick} />
              </label>
              {file && <span className={styles.hint} data-testid="seal-file-name">{file.name}</span>}
            </span>
          ) : (
            // A button in the page's language (the browser's own input says "Choose File" on a Chinese page).
            <span className={styles.actions}>
              <label className={buttonClassName({ variant: "outline" }, styles.pick)}>
                {t("seals.maker.chooseFile")}
                <input type="file" accept="image/jpeg,image/png" className={styles.pickInput} data-testid="seal-file" onChange={onPick} />
              </label>
              {file && <span className={styles.hint} data-testid="seal-file-name">{file.name}</span>}
            </span>
          )}
          <span className={styles.hint}>{t("seals.maker.fileHint")}</span>
        </div>
      )}
      {mode === "personal" && source === "HANDWRITTEN" && <SignaturePad ref={pad} />}
      {mode === "personal" && source === "GENERATED" && (
        <label className={styles.label}>
          {t("seals.maker.style")}
          <Select name="style" value={style} onChange={(e) => setStyle(e.target.value as "square" | "round")} options={(["square", "round"] as const).map((s) => ({ value: s, label: t(`seals.maker.styles.${s}`) }))} />
        </label>
      )}

      {processed && original && (
        <div className={styles.compare} data-testid="seal-compare">
          <figure className={styles.figure}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL */}
            <img src={original} alt={t("seals.maker.original")} />
            <figcaption>{t("seals.maker.original")}</figcaption>
          </figure>
          <figure className={`${styles.figure} ${styles.checker}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- the server's processed PNG */}
            <img src={processed} alt={t("seals.maker.processed")} data-testid="seal-processed" />
            <figcaption>{t("seals.maker.processed")}</figcaption>
          </figure>
        </div>
      )}

      <div className={styles.actions}>
        {needsPicture && (
          <Button type="button" variant="outline" onClick={onPreview} isLoading={isBusy && !processed} data-testid="seal-preview">
            {t("seals.maker.preview")}
          </Button>
        )}
        <Button type="submit" isLoading={isBusy} disabled={!certificateId || (needsPicture && !processed)} data-testid="seal-submit">
          {t(needsPicture ? "seals.maker.submit" : "seals.maker.submitGenerated")}
        </Button>
      </div>
      {error && <p className={styles.error} role="alert" data-testid="seal-error">{error}</p>}
      {done && <p className={styles.ok} role="status" data-testid="seal-done">{done}</p>}
    </form>
  );
}
