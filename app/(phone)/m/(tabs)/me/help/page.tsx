import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/phone/phone.module.css";
import meStyles from "@/components/phone/me.module.css";
import { supportPhone } from "@/components/shell/support-phone";
import { HELP_ARTICLES } from "@/lib/help/articles";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.help.metaTitle") };
}

// 使用帮助: the help center's frequent questions (each opens its article), then feedback and the hotline.
export default async function PhoneHelpPage() {
  await requirePhoneUser({ next: "/m/me/help" });
  const t = await getT();
  const phone = supportPhone();
  const faq = HELP_ARTICLES.filter((a) => a.group === "faq");
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("phone.me.title")}>‹</Link>
        <h1>{t("me.help.title")}</h1>
      </header>
      <p className={styles.note}>{t("me.help.lead")}</p>
      <h2 className={meStyles.groupTitle}>{t("me.help.faq")}</h2>
      <ul className={styles.list}>
        {faq.map((a) => (
          <li key={a.slug}>
            <Link href={`/help/${a.slug}`} className={styles.card} data-testid={`help-${a.slug}`}>
              <p className={styles.cardTitle}>{t(a.titleKey)}</p>
              <p className={styles.cardMeta}>{t(a.summaryKey, { phone })}</p>
            </Link>
          </li>
        ))}
      </ul>
      <h2 className={meStyles.groupTitle}>{t("me.help.contact")}</h2>
      <ul className={styles.menu}>
        <li><Link href="/m/me/feedback">{t("me.menu.feedback")}</Link></li>
        <li>
          <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
            {t("me.menu.call")}
            <span className={meStyles.value}>{phone} · {t("me.menu.callHint")}</span>
          </a>
        </li>
        <li><Link href="/help">{t("me.help.more")}</Link></li>
      </ul>
    </>
  );
}
