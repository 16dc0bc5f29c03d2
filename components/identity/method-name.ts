import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import type { T } from "@/lib/i18n/translate";

/**
 * A verification method's name (identity.method, the glossary's one key). A unit's own check by phone,
 * bank card or face is the legal representative's: 法定代表人手机号三要素 on the home page and in the wizard alike.
 */
export function methodName(t: T, method: VerificationMethod, { isLegalRep = false }: { isLegalRep?: boolean } = {}): string {
  const name = t(`identity.method.${method}`);
  return isLegalRep && method !== "CORP_DEPOSIT" && method !== "PERSONAL_DEPOSIT" ? t("terms.legalRepMethod", { method: name }) : name;
}
