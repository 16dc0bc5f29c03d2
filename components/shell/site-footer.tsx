import Link from "next/link";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";
import { LogoMark } from "./logo-mark";
import { supportPhone } from "./support-phone";
import styles from "./site-footer.module.css";

export async function SiteFooter() {
  const t = await getT();
  const phone = supportPhone();
  // Shown only when the operator has an ICP record; the number must link to the MIIT register.
  const icpRecord = env().ICP_RECORD;

  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.grid}`}>
        <div className={styles.about}>
          <div className={styles.brand}>
            <LogoMark size={32} />
            <span>{t("common.appName")}</span>
          </div>
          <p>{t("shell.footer.about")}</p>
        </div>

        <nav aria-label={t("shell.footer.servicesTitle")} className={styles.col}>
          <h2 className={styles.heading}>{t("shell.footer.servicesTitle")}</h2>
          <ul>
            <li><Link href="/apply">{t("shell.nav.apply")}</Link></li>
            <li><Link href="/renew">{t("shell.nav.renew")}</Link></li>
            <li><Link href="/change">{t("shell.nav.change")}</Link></li>
            <li><Link href="/revoke">{t("shell.nav.revoke")}</Link></li>
            <li><Link href="/seals">{t("shell.nav.seals")}</Link></li>
            <li><Link href="/verify">{t("sealsUse.verify.title")}</Link></li>
          </ul>
        </nav>

        <nav aria-label={t("shell.footer.helpTitle")} className={styles.col}>
          <h2 className={styles.heading}>{t("shell.footer.helpTitle")}</h2>
          <ul>
            <li><Link href="/help">{t("shell.footer.faq")}</Link></li>
            <li><Link href="/help/contact">{t("shell.footer.contact")}</Link></li>
            <li><Link href="/m">{t("shell.footer.app")}</Link></li>
            <li><Link href="/help/agreement">{t("help.articles.agreement.title")}</Link></li>
            <li><Link href="/help/privacy">{t("help.articles.privacy.title")}</Link></li>
          </ul>
        </nav>

        <div className={styles.col}>
          <h2 className={styles.heading}>{t("shell.footer.supportPhone")}</h2>
          <p className={styles.phone}>
            <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>
          </p>
          <p className={styles.hours}>{t("shell.footer.serviceHours")}</p>
        </div>
      </div>

      <div className={styles.bottom}>
        <div className={`container ${styles.bottomInner}`}>
          <p>{t("shell.footer.compliance")}</p>
          <p className={styles.legalLine}>
            <span>{t("shell.footer.copyright", { year: new Date().getFullYear() })}</span>
            {icpRecord && (
              <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer" target="_blank">
                {t("shell.footer.icp", { record: icpRecord })}
              </a>
            )}
            <Link href="/help/agreement">{t("help.articles.agreement.title")}</Link>
            <Link href="/help/privacy">{t("help.articles.privacy.title")}</Link>
          </p>
        </div>
      </div>
    </footer>
  );
}
