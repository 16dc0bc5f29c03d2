import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageKey } from "@/lib/i18n/catalogue";

export type SmsTemplate = `code_${CodePurpose}` | "generic";

export function renderSms(template: SmsTemplate, params: Record<string, string>, locale: Locale): string {
  return translator(locale)(`sms.${template}` as MessageKey, params);
}
