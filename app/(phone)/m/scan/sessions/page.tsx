import type { Metadata } from "next";
import Link from "next/link";
import { SessionPanel } from "@/components/scan/session-panel";
import phoneStyles from "@/components/phone/phone.module.css";
import styles from "@/components/scan/scan.module.css";
import { derToPem } from "@/lib/pki/pem";
import { getLocale, getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listScanSessions } from "@/lib/server/scan/list-scan-sessions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.sessions") };
}

// 会话签章 list (linked from 我的 and the scanner): open sessions keep polling and can be ended here.
export default async function SessionsPage() {
  const user = await requirePhoneUser({ next: "/m/scan/sessions" });
  const t = await getT();
  const locale = await getLocale();
  const sessions = await listScanSessions({ userId: user.id });
  const open = sessions.filter((s) => s.isOpen);
  const certs = await db.certificate.findMany({ where: { id: { in: open.map((s) => s.certificate?.id ?? "") }, userId: user.id }, select: { id: true, keyShareId: true, der: true } });
  return (
    <main className={styles.page}>
      <header className={phoneStyles.header}>
        <Link href="/m/me" className={phoneStyles.back} aria-label={t("scanner.back")}>‹</Link>
        <h1>{t("scanner.sessions")}</h1>
      </header>
      <div className={styles.confirm}>
        {open.map((s) => {
          const cert = certs.find((c) => c.id === s.certificate?.id);
          if (!cert?.keyShareId) return null;
          const platform = locale === "en" ? (s.platform.nameEn ?? s.platform.name) : s.platform.name;
          return <SessionPanel key={s.id} session={{ id: s.id, expiresAt: s.expiresAt, autoConfirm: s.autoConfirm, certificateId: cert.id, keyShareId: cert.keyShareId, pem: derToPem(cert.der, "CERTIFICATE"), platform }} />;
        })}
        {sessions.length === 0 && <p className={styles.small}>{t("scanner.sessionsEmpty")}</p>}
        <ul className={styles.list}>
          {sessions.filter((s) => !s.isOpen).map((s) => (
            <li key={s.id} className={styles.row} data-testid="session-row">
              <span className={styles.rowTop}>
                <span>{locale === "en" ? (s.platform.nameEn ?? s.platform.name) : s.platform.name}</span>
                <span className={styles.muted}>{s.endedAt ? t("scanner.sessionEnded") : t("scanner.sessionExpired")}</span>
              </span>
              <span className={styles.muted}>{new Date(s.createdAt).toLocaleString(locale)} · {t("scanner.sessionSignedCount", { count: s.signed })}</span>
              <span className={styles.mono}>{s.certificate?.subjectName}</span>
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
