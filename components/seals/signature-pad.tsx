"use client";
import { forwardRef, useImperativeHandle, useRef, type PointerEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import styles from "./seals.module.css";

export type SignaturePadHandle = { toPng(): Promise<Blob | null>; isEmpty(): boolean; clear(): void };

/**
 * 手写签名板: pointer events (a finger on a phone, a mouse or pen on a desktop; pressure ignored), drawn on a
 * canvas at the device's pixel ratio, exported as a PNG with a white background for the same processing
 * an uploaded signature gets (dark ink).
 */
export const SignaturePad = forwardRef<SignaturePadHandle>(function SignaturePad(_, ref) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const drawn = useRef(false);

  function context() {
    const c = canvas.current!;
    // Sized once, before the first stroke: resizing a canvas clears it, and the page's width can change
    // while signing (a scrollbar appearing). Strokes map through the canvas's own scale afterwards.
    if (!drawn.current && c.width !== Math.round(c.clientWidth * (window.devicePixelRatio || 1))) {
      const ratio = window.devicePixelRatio || 1;
      c.width = Math.round(c.clientWidth * ratio);
      c.height = Math.round(c.clientHeight * ratio);
      const ctx = c.getContext("2d")!;
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, c.width, c.height);
    }
    const ratio = c.width / Math.max(1, c.clientWidth);
    const ctx = c.getContext("2d")!;
    ctx.lineWidth = 4 * ratio;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
    return { ctx, ratio };
  }
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = point(e);
    const { ctx, ratio } = context();
    ctx.beginPath();
    ctx.arc(last.current.x * ratio, last.current.y * ratio, ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx.fillStyle = "#111";
    ctx.fill();
    drawn.current = true;
  }
  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    if (!last.current) return;
    const p = point(e);
    const { ctx, ratio } = context();
    ctx.beginPath();
    ctx.moveTo(last.current.x * ratio, last.current.y * ratio);
    ctx.lineTo(p.x * ratio, p.y * ratio);
    ctx.stroke();
    last.current = p;
  }
  const onPointerUp = () => (last.current = null);

  useImperativeHandle(ref, () => ({
    isEmpty: () => !drawn.current,
    clear() {
      const c = canvas.current!;
      drawn.current = false;
      c.width = 0;
      context();
    },
    toPng: () => new Promise<Blob | null>((resolve) => canvas.current!.toBlob((b) => resolve(b), "image/png")),
  }));

  return (
    <div className={styles.label}>
      <span>{t("seals.maker.padLabel")}</span>
      <canvas
        ref={canvas}
        className={styles.pad}
        aria-label={t("seals.maker.padLabel")}
        data-testid="signature-pad"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      <span className={styles.actions}>
        <span className={styles.hint}>{t("seals.maker.padHint")}</span>
        <Button type="button" size="sm" variant="ghost" onClick={() => { drawn.current = false; canvas.current!.width = 0; context(); }}>
          {t("seals.maker.padClear")}
        </Button>
      </span>
    </div>
  );
});
