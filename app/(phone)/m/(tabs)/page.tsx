import { existsSync } from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { MissingKeysNotice } from "@/components/phone/missing-keys-notice";
import { PhoneIcon, type PhoneIconName } from "@/components/phone/phone-icons";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { listInbox } from "@/lib/server/notify/list-inbox";
import { listPhoneCertificates } from "@/lib/server/certs/list-phone-certificates";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { maskPhone } from "@/lib/server/auth/session-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.home.metaTitle") };
}

// 扫一扫 appears only once the scanner page exists: a shortcut to a page that is not there yet would
// be a dead end for the user.
const hasScanner = existsSync(path.join(process.cwd(), "app/(phone)/m/scan/page.tsx"));

export default async function PhoneHomePage() {
  const user = await requirePhoneUser({ next: "/m" });
  const t = await getT();
  const [certs, inbox] = await Promise.all([listPhoneCertificates({ userId: user.id }), listInbox({ userId: user.id, take: 1 })]);
  // 登录后自动更新: an approved renewal (or 证书变更) is downloaded as the app opens (the download page asks for the PIN).
  const renewal = certs.downloadable.find((o) => o.kind === "RENEW" || o.kind === "CHANGE");
  if (renewal) redirect(`/m/download/${renewal.id}`);
  // An approved reissue is finished on its 找回 page (the notice below links there), not downloaded.
  const downloadable = certs.downloadable.filter((o) => o.kind !== "REISSUE");
  const dateOf = (d: Date) => new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);
  const shortcuts: Array<{ href: string; label: string; icon: PhoneIconName; badge?: number }> = [
    ...(hasScanner ? [{ href: "/m/scan", label: t("phone.home.scan"), icon: "scan" as const }] : []),
    { href: "/m/certs", label: t("phone.home.myCerts"), icon: "cert" },
    { href: "/m/messages", label: t("phone.home.messages"), icon: "message", badge: inbox.unread },
    { href: "/m/me", label: t("phone.home.me"), icon: "me" },
  ];

  return (
    <>
      <section className={styles.hero}>
        <h1>{t("phone.home.hello", { name: user.name ?? maskPhone(user.phone) })}</h1>
        <p>{t("phone.appDescription")}</p>
      </section>
      <nav aria-label={t("phone.home.shortcuts")}>
        <ul className={styles.shortcuts} style={{ gridTemplateColumns: `repeat(${shortcuts.length}, minmax(0, 1fr))` }}>
          {shortcuts.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className={styles.shortcut}>
                <span className={styles.shortcutIcon}>
                  <PhoneIcon name={s.icon} />
                </span>
                {s.label}
                {s.badge ? <span className={styles.dot}>{s.badge}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {/* 系统检测到您有未找回证书: valid certificates whose key this phone does not hold (checked in IndexedDB). */}
      <MissingKeysNotice certificates={certs.active.map((c) => ({ id: c.id, subjectName: c.subjectName, keyShareId: c.keyShare?.id ?? null }))} />

      {downloadable.length > 0 && (
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("phone.home.toDownload")}</h2>
          <ul className={styles.list}>
            {downloadable.map((o) => (
              <li key={o.id}>
                <Link href={`/m/download/${o.id}`} className={`${styles.card} ${styles.certCard}`} data-testid={`download-${o.id}`}>
                  <div className={styles.cardTop}>
                    <p className={styles.cardTitle}>{o.subjectName}</p>
                    <Badge tone="success">{t("phone.home.download")}</Badge>
                  </div>
                  <p className={styles.cardMeta}>{t("phone.home.toDownloadBody", { subject: o.subjectType === "UNIT" ? t("phone.certs.unit") : t("phone.certs.individual"), no: o.no })}</p>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t("phone.home.active")}</h2>
        {certs.active.length === 0 ? (
          <EmptyState title={t("phone.home.noCerts")} description={t("phone.home.noCertsBody")} />
        ) : (
          <ul className={styles.list}>
            {certs.active.map((c) => (
              <li key={c.id}>
                <Link href={`/m/certs/${c.id}`} className={`${styles.card} ${styles.certCard}`}>
                  <div className={styles.cardTop}>
                    <p className={styles.cardTitle}>{c.subjectName}</p>
                    <span className={styles.badges}>
                      {c.isExpiringSoon && <Badge tone="warning">{t("phone.certs.expiringSoon")}</Badge>}
                      {c.isLocked && <Badge tone="danger">{t("phone.certs.locked")}</Badge>}
                    </span>
                  </div>
                  <p className={styles.cardMeta}>{t("phone.certs.validUntil", { date: dateOf(c.notAfter) })}</p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
