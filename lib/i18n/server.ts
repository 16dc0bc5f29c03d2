import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locales";
import { translator } from "./translate";

/** The caller's language: the cookie set by the language switch; zh-CN otherwise. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (fromCookie) return toLocale(fromCookie);
  const accept = (await headers()).get("accept-language") ?? "";
  return /^en\b/i.test(accept) && !/zh/i.test(accept) ? "en" : "zh-CN";
}

export async function getT() {
  const locale = await getLocale();
  return Object.assign(translator(locale), { locale });
}
