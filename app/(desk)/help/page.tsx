import type { Metadata } from "next";
import Link from "next/link";
import { supportPhone } from "@/components/shell/support-phone";
import { PageHeader } from "@/components/ui/page-header";
import { HELP_ARTICLES } from "@/lib/help/articles";
import { getT } from "@/lib/i18n/server";
import styles from "./help.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("help.metaTitle"), description: t("help.lead") };
}

export default async function HelpPage() {
  const t = await getT();
  const phone = supportPhone();
  const faq = HELP_ARTICLES.filter((a) => a.group === "faq");
  const legal = HELP_ARTICLES.filter((a) => a.group === "legal");

  return (
    <div>
      <div className={styles.headBand}>
        <div className="container">
          <PageHeader
            title={t("help.title")}
            description={t("help.lead")}
            breadcrumbsLabel={t("shell.ui.breadcrumbs")}
            breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t("help.title") }]}
            className={styles.header}
          />
        </div>
      </div>

      <div className={`container ${styles.grid}`}>
        <section aria-labelledby="faq-title" className={styles.main}>
          <h2 id="faq-title" className={styles.sectionTitle}>
            {t("help.faqTitle")}
          </h2>
          <div className={styles.faq}>
            {faq.map((a) => (
              <details key={a.slug} className={styles.faqItem}>
                <summary>{t(a.titleKey)}</summary>
                <div className={styles.faqAnswer}>
                  <p>{t(a.summaryKey)}</p>
                  <Link href={`/help/${a.slug}`}>{t("help.readMore")} →</Link>
                </div>
              </details>
            ))}
          </div>
        </section>

        <aside className={styles.aside}>
          <section aria-labelledby="self-service-title" className={styles.panel}>
            <h2 id="self-service-title">{t("lifecycleLookup.selfService")}</h2>
            <ul className={styles.docList}>
              {([["/lookup", "lifecycleLookup.title", "lifecycleLookup.lead"], ["/unlock", "lifecycleLookup.unlock.title", "lifecycleLookup.start.unlockLead"]] as const).map(([href, title, summary]) => (
                <li key={href}>
                  <Link href={href}>
                    <span className={styles.docTitle}>{t(title)}</span>
                    <span className={styles.docSummary}>{t(summary)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="legal-title" className={styles.panel}>
            <h2 id="legal-title">{t("help.legalTitle")}</h2>
            <ul className={styles.docList}>
              {legal.map((a) => (
                <li key={a.slug}>
                  <Link href={`/help/${a.slug}`}>
                    <span className={styles.docTitle}>{t(a.titleKey)}</span>
                    <span className={styles.docSummary}>{t(a.summaryKey)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="contact-title" className={`${styles.panel} ${styles.contact}`}>
            <h2 id="contact-title">{t("help.contactTitle")}</h2>
            <p className={styles.muted}>{t("help.contactLead")}</p>
            <dl className={styles.facts}>
              <dt>{t("help.phoneLabel")}</dt>
              <dd>
                <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className={styles.phone}>
                  {phone}
                </a>
              </dd>
              <dt>{t("help.hoursLabel")}</dt>
              <dd>{t("help.hours")}</dd>
            </dl>
            <Link href="/help/contact">{t("help.readMore")} →</Link>
          </section>
        </aside>
      </div>
    </div>
  );
}
