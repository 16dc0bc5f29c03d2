import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { findSandboxPayment } from "@/lib/server/payments/find-sandbox-payment";
import { formatYuan } from "@/lib/server/payments/amount-in-words";
import { ConfirmButton } from "./confirm-button";
import styles from "./pay.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("payments.sandboxPay.metaTitle"), robots: { index: false, follow: false } };
}

// /pay/sandbox/[paymentId] — the phone page the sandbox payment QR opens (looks like WeChat Pay / Alipay)
export default async function SandboxPayPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const [t, payment] = await Promise.all([getT(), findSandboxPayment({ paymentId })]);
  if (!payment) {
    return (
      <div className={styles.page}>
        <main className={styles.phone}>
          <div className={styles.body}>
            <h1>{t("payments.sandboxPay.notFoundTitle")}</h1>
          </div>
        </main>
      </div>
    );
  }
  const isPayable = payment.status === "PENDING" || payment.status === "SUCCEEDED";
  return (
    <div className={`${styles.page} ${payment.method === "alipay" ? styles.alipay : styles.wechat}`}>
      <main className={styles.phone} data-method={payment.method}>
        <div className={styles.bar}>{t(`payments.method.${payment.method}`)}</div>
        <div className={styles.body}>
          <span className={styles.sandbox}>{t("payments.sandboxPay.sandboxBadge")}</span>
          <p className={styles.merchant}>{t("payments.sandboxPay.merchant")}</p>
          <h1 className={styles.amount} data-testid="sandbox-pay-amount">
            <small>¥</small>
            {formatYuan(payment.amountFen)}
          </h1>
          <div className={styles.rows}>
            <span>{t("payments.sandboxPay.orderNo", { no: payment.orderNo })}</span>
          </div>
          {isPayable ? (
            <ConfirmButton paymentId={payment.paymentId} initiallyPaid={payment.status === "SUCCEEDED"} />
          ) : (
            <p>{t("payments.sandboxPay.notPayable")}</p>
          )}
        </div>
      </main>
    </div>
  );
}
