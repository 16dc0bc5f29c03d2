import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ReapplyCertificateButton } from "@/components/lookup/reapply-certificate-button";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { listPhoneCertificates } from "@/lib/server/certs/list-phone-certificates";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.certs.metaTitle") };
}

const TABS = ["active", "pending", "expired"] as const;

export default async function PhoneCertsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requirePhoneUser({ next: "/m/certs" });
  const t = await getT();
  const tabParam = (await searchParams).tab;
  const tab = (TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as (typeof TABS)[number]) : "active";
  const certs = await listPhoneCertificates({ userId: user.id });
  const dateOf = (d: Date | null) => (d ? new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d) : "—");
  const label = { active: t("phone.certs.tabActive"), pending: t("phone.certs.tabPending"), expired: t("phone.certs.tabExpired") };
  const count = { active: certs.active.length, pending: certs.pending.length, expired: certs.expired.length };
  const kind = (s: string) => (s === "UNIT" ? t("phone.certs.unit") : t("phone.certs.individual"));

  return (
    <>
      <header className={styles.header}>
        <h1>{t("phone.certs.title")}</h1>
      </header>
      <nav className={styles.tabs} aria-label={t("phone.certs.title")}>
        {TABS.map((k) => (
          <Link key={k} href={`/m/certs?tab=${k}`} className={k === tab ? styles.tabActive : styles.tab} aria-current={k === tab ? "page" : undefined}>
            {label[k]} {count[k] > 0 ? count[k] : ""}
          </Link>
        ))}
      </nav>
      {tab === "pending" ? (
        certs.pending.length === 0 ? (
          <EmptyState title={t("phone.certs.emptyPending")} />
        ) : (
          <ul className={styles.list}>
            {certs.pending.map((o) => (
              <li key={o.id} className={styles.card}>
                <div className={styles.cardTop}>
                  <p className={styles.cardTitle}>{o.subjectName}</p>
                  <Badge tone="info">{t("phone.certs.inReview")}</Badge>
                </div>
                <p className={styles.cardMeta}>{kind(o.subjectType)} · {t("phone.certs.submittedAt", { date: dateOf(o.submittedAt) })}</p>
              </li>
            ))}
          </ul>
        )
      ) : (tab === "active" ? certs.active : certs.expired).length === 0 ? (
        <EmptyState title={tab === "active" ? t("phone.certs.emptyActive") : t("phone.certs.emptyExpired")} />
      ) : (
        <ul className={styles.list}>
          {(tab === "active" ? certs.active : certs.expired).map((c) => (
            <li key={c.id}>
              <Link href={`/m/certs/${c.id}`} className={`${styles.card} ${styles.certCard}`} data-testid="cert-card">
                <div className={styles.cardTop}>
                  <p className={styles.cardTitle}>{c.subjectName}</p>
                  <span className={styles.badges}>
                    {c.isExpiringSoon && <Badge tone="warning">{t("lifecycleRenew.expiringSoon")}</Badge>}
                    {c.isLocked && <Badge tone="danger">{t("phone.certs.locked")}</Badge>}
                    {c.isExpired && <Badge tone="neutral">{c.status === "REVOKED" ? t("phone.certs.revoked") : t("lifecycleRenew.expired")}</Badge>}
                  </span>
                </div>
                <p className={styles.cardMeta}>
                  {kind(c.subjectType)} · {t("phone.certs.validUntil", { date: dateOf(c.notAfter) })}
                  {!c.isExpired && ` · ${t("phone.certs.daysLeft", { n: c.daysLeft })}`}
                </p>
              </Link>
              {/* 续期 opens the desk's flow in the phone's browser (the session is shared). */}
              {c.isExpiringSoon && (
                <ButtonLink href="/renew" variant="outline" size="sm" block data-testid={`renew-link-${c.id}`}>
                  {t("lifecycleRenew.renew")}
                </ButtonLink>
              )}
              {/* 重新申请 starts a new application with the stored data prefilled, in the phone's browser like 续期. */}
              {c.canReapply && <ReapplyCertificateButton certificateId={c.id} block testId={`reapply-${c.id}`} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
