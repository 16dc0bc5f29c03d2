"use client";
import { useEffect, useRef, useState } from "react";
import jsQR from "jsqr";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import styles from "./scan.module.css";

type Detector = { detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

/** jsQR on the pixels of a canvas (Linux Chromium and older phones have no BarcodeDetector). */
function decodeCanvas(canvas: HTMLCanvasElement): string | null {
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" })?.data ?? null;
}

/**
 * The camera viewfinder: getUserMedia (back camera), each frame drawn to a canvas and decoded with
 * BarcodeDetector where the browser has it, jsQR otherwise. Without a camera: a picture of the QR
 * (decoded with jsQR) or its pasted link.
 */
export function QrScanner({ onResult }: { onResult: (text: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"starting" | "live" | "unavailable">("starting");
  const [error, setError] = useState("");
  const [link, setLink] = useState("");
  const done = useRef(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
    const detector = Ctor ? new Ctor({ formats: ["qr_code"] }) : null;

    const found = (text: string) => {
      if (done.current) return;
      done.current = true;
      onResult(text);
    };
    const tick = async () => {
      if (stopped || done.current) return;
      const v = video.current;
      const c = canvas.current;
      if (v && c && v.readyState >= 2 && v.videoWidth > 0) {
        // Decode a downscaled frame: enough modules for a QR filling part of the view, far less work.
        const scale = Math.min(1, 640 / v.videoWidth);
        c.width = Math.round(v.videoWidth * scale);
        c.height = Math.round(v.videoHeight * scale);
        c.getContext("2d", { willReadFrequently: true })?.drawImage(v, 0, 0, c.width, c.height);
        let text: string | null = null;
        if (detector) text = (await detector.detect(c).catch(() => []))[0]?.rawValue ?? null;
        text ??= decodeCanvas(c);
        if (text) return found(text);
      }
      frame = window.setTimeout(() => void tick(), 120);
    };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error("no camera");
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped) return stream.getTracks().forEach((tr) => tr.stop());
        const v = video.current!;
        v.srcObject = stream;
        await v.play().catch(() => {});
        setState("live");
        void tick();
      } catch {
        setState("unavailable");
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(frame);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [onResult]);

  async function onPick(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setError("");
    const bitmap = await createImageBitmap(file).catch(() => null);
    const c = document.createElement("canvas");
    if (bitmap) {
      const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height));
      c.width = Math.round(bitmap.width * scale);
      c.height = Math.round(bitmap.height * scale);
      c.getContext("2d")?.drawImage(bitmap, 0, 0, c.width, c.height);
    }
    const text = bitmap ? decodeCanvas(c) : null;
    if (text) onResult(text);
    else setError(t("scanner.noQrInImage"));
  }

  return (
    <div className={styles.scanner}>
      <div className={styles.viewfinder} data-state={state}>
        <video ref={video} muted playsInline className={styles.video} data-testid="scanner-video" />
        {/* The aiming frame only over a live picture: without a camera the message takes the box (the frame ran through it). */}
        {state === "live" && <span className={styles.frame} aria-hidden data-testid="scanner-frame" />}
        {state !== "live" && <p className={styles.overlay} data-testid="scanner-overlay">{state === "starting" ? t("scanner.starting") : t("scanner.noCamera")}</p>}
      </div>
      <canvas ref={canvas} hidden />
      <p className={styles.lead}>{t("scanner.lead")}</p>
      <Alert tone="error" data-testid="scanner-error">{error}</Alert>
      <label className={styles.pick}>
        <input type="file" accept="image/*" onChange={onPick} data-testid="scanner-file" />
        <span>{t("scanner.pickImage")}</span>
      </label>
      <form
        className={styles.paste}
        onSubmit={(e) => {
          e.preventDefault();
          if (link.trim()) onResult(link.trim());
        }}
      >
        <label htmlFor="scan-link">{t("scanner.pasteLabel")}</label>
        <div className={styles.pasteRow}>
          <Input id="scan-link" value={link} onChange={(e) => setLink(e.target.value)} placeholder={t("scanner.pastePlaceholder")} inputMode="url" data-testid="scanner-link" />
          <Button type="submit" variant="secondary">{t("scanner.go")}</Button>
        </div>
      </form>
    </div>
  );
}
