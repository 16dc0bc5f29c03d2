"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { useT } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { completeFaceAction } from "@/lib/actions/identity/face-actions";
import styles from "./face.module.css";

type Status = "PENDING" | "PASSED" | "FAILED" | "EXPIRED";

/**
 * Camera preview and the "开始识别" button; the result replaces them. Opened from the phone app's
 * unlock / forgot-PIN form, a passed check links back to it (`returnHref`, carrying the check id).
 */
export function FaceCapture({ token, initialStatus, initialReason, returnHref }: { token: string; initialStatus: Status; initialReason?: string; returnHref?: string }) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [status, setStatus] = useState<Status>(initialStatus);
  const [reason, setReason] = useState(initialReason);
  const [camera, setCamera] = useState<"off" | "on" | "denied" | "unsupported">("off");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const startCamera = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) return setCamera("unsupported");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 640 } }, audio: false });
      streamRef.current = stream;
      if (videoRef.current) videoRef.current.srcObject = stream;
      setCamera("on");
    } catch {
      setCamera("denied");
    }
  }, []);

  const stopCamera = () => streamRef.current?.getTracks().forEach((tr) => tr.stop());

  useEffect(() => {
    if (initialStatus === "PENDING") void startCamera();
    return stopCamera;
  }, [initialStatus, startCamera]);

  async function onStart() {
    setBusy(true);
    setError(null);
    // Hold still for a moment, as a liveness check would ask; the provider does the judging.
    await new Promise((r) => setTimeout(r, 1200));
    const res = await completeFaceAction(token);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setStatus(res.data.status);
    setReason(res.data.failReason);
    if (res.data.status !== "PENDING") stopCamera();
  }

  if (status !== "PENDING") {
    const passed = status === "PASSED";
    return (
      <div className={styles.result} data-testid="face-result" data-status={status}>
        <svg className={styles.icon} width="64" height="64" viewBox="0 0 64 64" aria-hidden="true">
          <circle cx="32" cy="32" r="30" fill={passed ? "var(--color-success-soft)" : "var(--color-danger-soft)"} />
          <path d={passed ? "M19 33l9 9 17-19" : "M22 22l20 20M42 22L22 42"} stroke={passed ? "var(--color-success)" : "var(--color-danger)"} strokeWidth="5" fill="none" strokeLinecap="round" />
        </svg>
        <h2 className={styles.title}>{t(passed ? "identity.facePage.passedTitle" : status === "EXPIRED" ? "identity.facePage.expiredTitle" : "identity.facePage.failedTitle")}</h2>
        <p className={styles.lead}>
          {passed ? t("identity.facePage.passedBody") : status === "EXPIRED" ? t("identity.facePage.expiredBody") : reason ? t(`identity.failReason.${reason}` as MessageKey) : ""}
        </p>
        {passed && returnHref && (
          <ButtonLink href={returnHref} block size="lg" data-testid="face-return">
            {t("phone.reverify.faceReturn")}
          </ButtonLink>
        )}
      </div>
    );
  }

  return (
    <>
      <div className={[styles.frame, busy ? styles.scanning : ""].join(" ")}>
        <video ref={videoRef} className={styles.video} autoPlay playsInline muted data-testid="face-video" />
      </div>
      <p className={styles.tips}>{busy ? t("identity.facePage.recognizing") : t("identity.facePage.tips")}</p>
      <Alert tone="error">
        {camera === "denied" ? t("identity.facePage.cameraDenied") : camera === "unsupported" ? t("identity.facePage.cameraUnsupported") : (error ?? undefined)}
      </Alert>
      {camera === "on" ? (
        <Button size="lg" block onClick={onStart} isLoading={busy} loadingText={t("identity.facePage.recognizing")}>
          {t("identity.facePage.start")}
        </Button>
      ) : (
        <Button size="lg" block variant="outline" onClick={startCamera} disabled={camera === "unsupported"}>
          {t("identity.facePage.allowCamera")}
        </Button>
      )}
      <p className={styles.privacy}>{t("identity.facePage.privacy")}</p>
    </>
  );
}
