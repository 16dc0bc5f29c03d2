import type { MessageKey } from "@/lib/i18n/catalogue";
import { AGREEMENT_VERSION } from "@/lib/server/orders/agreement.types";

/**
 * The agreements the desk asks people to accept, by the title they are named with in checkboxes and on
 * the login page (issue 18, friction 8: the names did not open). Each opens its versioned text: the help
 * center's agreement and privacy policy (their text starts with its version and date), the application
 * agreement signed in the wizard (the version it is signed under, AGREEMENT_VERSION, recorded on the order).
 */
export const AGREEMENTS = {
  user: { titleKey: "help.articles.agreement.title", bodyKey: "help.articles.agreement.body", href: "/help/agreement" },
  privacy: { titleKey: "help.articles.privacy.title", bodyKey: "help.articles.privacy.body", href: "/help/privacy" },
  application: { titleKey: "terms.agreement.application", bodyKey: "wizard.sign.agreementText", version: AGREEMENT_VERSION },
  cps: { titleKey: "terms.agreement.cps", href: "/cps" },
} as const satisfies Record<string, { titleKey: MessageKey; bodyKey?: MessageKey; href?: string; version?: string }>;

export type AgreementId = keyof typeof AGREEMENTS;
