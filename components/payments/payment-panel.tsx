"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { usePaymentStatus } from "./use-payment-status";
import styles from "./payment-panel.module.css";

type Method = "wechat_pay" | "alipay";
type Created = { paymentId: string; provider: string; qrDataUrl?: string; payUrl?: string; clientSecret?: string };
type ErrorBody = { error?: { message?: string } };

/**
 * Pay for an order: choose 微信支付 / 支付宝, scan the QR (the sandbox's, or Stripe's next action),
 * and wait. The page moves on only when the server says the payment SUCCEEDED, which happens
 * through the provider's own confirmation, never through this page.
 */
export function PaymentPanel({ orderId, amountFen }: { orderId: string; amountFen: number }) {
  const t = useT();
  const router = useRouter();
  const [method, setMethod] = useState<Method | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [paid, setPaid] = useState(false);
  const isHydrated = useHydrated();

  async function choose(m: Method) {
    if (busy || (m === method && created)) return;
    setMethod(m);
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const res = await fetch(`/api/orders/${orderId}/payments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ method: m }) });
      const body = (await res.json()) as Created & ErrorBody;
      if (res.ok) setCreated(body);
      else setError(body.error?.message ?? res.statusText);
    } catch {
      setError(t("errors.internal"));
    } finally {
      setBusy(false);
    }
  }

  const payment = usePaymentStatus(created && !paid ? created.paymentId : null);
  useEffect(() => {
    if (payment?.status === "SUCCEEDED") {
      setPaid(true);
      router.push(`/orders/${orderId}`);
      router.refresh();
    } else if (payment?.status === "FAILED" || payment?.status === "CANCELLED") {
      setCreated(null);
      setError(t("payments.panel.failed"));
    }
  }, [payment?.status, orderId, router, t]);

  const methodName = method ? t(`payments.method.${method}`) : "";
  return (
    <div className={styles.panel} data-testid="payment-panel">
      <div className={styles.amount}>
        <span className={styles.muted}>{t("payments.panel.amount")}</span>
        <span className={styles.amountValue} data-testid="payment-amount">
          ¥{(amountFen / 100).toFixed(2)}
        </span>
      </div>
      <fieldset className={styles.methods} aria-label={t("payments.panel.choose")} disabled={paid}>
        {(["wechat_pay", "alipay"] as const).map((m) => (
          <button key={m} type="button" className={styles.method} aria-pressed={method === m} onClick={() => choose(m)} disabled={busy || !isHydrated}>
            <span className={`${styles.logo} ${m === "wechat_pay" ? styles.wechat : styles.alipay}`} aria-hidden="true">
              {m === "wechat_pay" ? "微" : "支"}
            </span>
            {t(`payments.method.${m}`)}
          </button>
        ))}
      </fieldset>

      {created && !paid && (
        <div className={styles.qrRow}>
          {created.qrDataUrl && (
            <div className={styles.qrBox}>
              <img src={created.qrDataUrl} alt={t("payments.panel.qrAlt", { method: methodName })} className={styles.qr} data-testid="payment-qr" data-pay-url={created.payUrl} />
            </div>
          )}
          <div className={styles.side}>
            <strong>{method === "alipay" ? t("payments.panel.scanAlipay") : t("payments.panel.scanWechat")}</strong>
            <div className={styles.waiting} role="status" aria-live="polite">
              <span className={styles.dot} aria-hidden="true" /> {t("payments.panel.waiting")}
            </div>
            {created.payUrl && (
              <a href={created.payUrl} target="_blank" rel="noopener" className={styles.muted}>
                {t("payments.panel.openPayPage")}
              </a>
            )}
            {created.provider === "sandbox" && <p className={styles.muted}>{t("payments.panel.sandboxNote")}</p>}
          </div>
        </div>
      )}
      <Alert tone={paid ? "success" : "error"} data-testid="payment-status">
        {paid ? t("payments.panel.paid") : (error ?? undefined)}
      </Alert>
    </div>
  );
}
