import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/help/article-body";
import { supportPhone } from "@/components/shell/support-phone";
import { PageHeader } from "@/components/ui/page-header";
import { findHelpArticle, HELP_ARTICLES } from "@/lib/help/articles";
import { getT } from "@/lib/i18n/server";
import styles from "../help.module.css";

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return HELP_ARTICLES.map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = findHelpArticle((await params).slug);
  if (!article) return {};
  const t = await getT();
  return { title: t(article.titleKey), description: t(article.summaryKey) };
}

export default async function HelpArticlePage({ params }: Props) {
  const article = findHelpArticle((await params).slug);
  if (!article) notFound();
  const t = await getT();
  const title = t(article.titleKey);

  return (
    <div>
      <div className={styles.headBand}>
        <div className="container">
          <PageHeader
            title={title}
            breadcrumbsLabel={t("shell.ui.breadcrumbs")}
            breadcrumbs={[
              { label: t("shell.nav.home"), href: "/" },
              { label: t("help.title"), href: "/help" },
              { label: title },
            ]}
            className={styles.header}
          />
        </div>
      </div>

      <div className={`container ${styles.articleGrid}`}>
        <nav aria-labelledby="all-articles" className={styles.articleNav}>
          <h2 id="all-articles">{t("help.allArticles")}</h2>
          <ul>
            {HELP_ARTICLES.map((a) => (
              <li key={a.slug}>
                <Link href={`/help/${a.slug}`} aria-current={a.slug === article.slug ? "page" : undefined}>
                  {t(a.titleKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <article className={styles.article} aria-label={title}>
          <ArticleBody text={t(article.bodyKey, { phone: supportPhone() })} />
          <p className={styles.back}>
            <Link href="/help">← {t("help.backToHelp")}</Link>
          </p>
        </article>
      </div>
    </div>
  );
}
