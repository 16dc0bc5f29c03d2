import type { Metadata } from "next";
import { ArticleBody } from "@/components/help/article-body";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translate";
import { getCpsFacts } from "@/lib/server/ca/get-cps-facts";
import styles from "../help/help.module.css";

// The URL every certificate's certificatePolicies extension names (id-qt-cps): public, no login.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cps.metaTitle"), description: t("cps.lead") };
}

export default async function CpsPage() {
  const t = await getT();
  const facts = await getCpsFacts();
  // Both languages on the one page the certificates point to: the reader's first, the other below.
  const other = t.locale === "en" ? "zh-CN" : "en";
  const tOther = translator(other);

  return (
    <div>
      <div className={styles.headBand}>
        <div className="container">
          <PageHeader
            title={t("cps.title")}
            description={t("cps.lead")}
            breadcrumbsLabel={t("shell.ui.breadcrumbs")}
            breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t("help.title"), href: "/help" }, { label: t("cps.title") }]}
            className={styles.header}
          />
        </div>
      </div>
      <div className="container">
        <article className={styles.article} aria-label={t("cps.title")} data-testid="cps">
          <p>
            <strong>{t("cps.notice")}</strong>
          </p>
          <p>
            <a href="#cps-other">{t.locale === "en" ? t("cps.chineseLink") : t("cps.englishLink")}</a>
          </p>
          <ArticleBody text={t("cps.body", facts)} />
        </article>
        <article id="cps-other" lang={other} className={styles.article} aria-label={tOther("cps.title")}>
          <h2>{tOther("cps.title")}</h2>
          <p>
            <strong>{tOther("cps.notice")}</strong>
          </p>
          <ArticleBody text={tOther("cps.body", facts)} />
        </article>
      </div>
    </div>
  );
}
