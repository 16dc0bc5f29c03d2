import type { MessageKey } from "@/lib/i18n/catalogue";
import type { help } from "@/lib/i18n/messages/help";

// The help center's articles: the texts live in the catalogue (lib/i18n/messages/help.ts),
// this list gives each one its address, its group and its order.
export type HelpGroup = "faq" | "legal" | "contact";

type ArticleId = keyof (typeof help)["zh-CN"]["articles"];

export type HelpArticle = {
  slug: string;
  group: HelpGroup;
  titleKey: MessageKey;
  summaryKey: MessageKey;
  bodyKey: MessageKey;
};

function article(slug: string, group: HelpGroup, id: ArticleId): HelpArticle {
  return {
    slug,
    group,
    titleKey: `help.articles.${id}.title`,
    summaryKey: `help.articles.${id}.summary`,
    bodyKey: `help.articles.${id}.body`,
  };
}

export const HELP_ARTICLES: readonly HelpArticle[] = [
  article("what-is-cloud-certificate", "faq", "whatIsCloudCertificate"),
  article("forgot-pin", "faq", "forgotPin"),
  article("lost-phone", "faq", "lostPhone"),
  article("login-trading-platform", "faq", "loginPlatform"),
  article("invoice", "faq", "invoice"),
  article("review-time", "faq", "reviewTime"),
  article("agreement", "legal", "agreement"),
  article("privacy", "legal", "privacy"),
  article("contact", "contact", "contact"),
];

export function findHelpArticle(slug: string): HelpArticle | undefined {
  return HELP_ARTICLES.find((a) => a.slug === slug);
}
