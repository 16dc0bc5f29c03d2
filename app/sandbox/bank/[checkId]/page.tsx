import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getSandboxBankNotice } from "@/lib/server/identity/get-sandbox-bank-notice";
import styles from "../../sandbox.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("identity.sandboxBank.metaTitle"), robots: { index: false, follow: false } };
}

// /sandbox/bank/[checkId] — the sandbox bank's view of a micro-deposit (only while the identity sandbox is active)
export default async function SandboxBankPage({ params }: { params: Promise<{ checkId: string }> }) {
  const { checkId } = await params;
  const user = await requirePageUser({ next: `/sandbox/bank/${checkId}` });
  const t = await getT();
  const data = await getSandboxBankNotice({ userId: user.id, checkId }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const subject = data.check.subject as Record<string, string>;
  return (
    <div className={styles.page}>
      <main className={styles.phone}>
        <div className={styles.bankBar}>
          <span className={styles.bankName}>{subject.bankName ?? "Sandbox Bank"}</span>
          <span className={styles.badge}>{t("identity.sandboxBank.title")}</span>
        </div>
        <p className={styles.muted}>{t("identity.sandboxBank.lead")}</p>
        {data.notice ? (
          <section className={styles.card} data-testid="sandbox-bank-notice">
            <span className={styles.muted}>
              {t("identity.sandboxBank.account")}: {subject.bankAccount ?? subject.bankCard}
            </span>
            <span className={styles.amount}>+0.01</span>
            <p className={styles.memo}>{data.notice.body}</p>
            <time className={styles.muted} dateTime={data.notice.at.toISOString()}>
              {data.notice.at.toLocaleString(t.locale, { timeZone: "Asia/Shanghai" })}
            </time>
          </section>
        ) : (
          <section className={styles.card}>{t("identity.sandboxBank.noNotice")}</section>
        )}
      </main>
    </div>
  );
}
