"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { publicFormAction } from "@/lib/server/http/public-action";
import { ZSetLocaleSchema } from "./set-locale.types";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

// Server action — remember the chosen language in the `locale` cookie. No session needed:
// the language is a preference of the browser, anonymous visitors switch it too.
export const setLocale = publicFormAction({ fields: ZSetLocaleSchema }, async ({ fields }) => {
  (await cookies()).set(LOCALE_COOKIE, fields.locale, {
    maxAge: ONE_YEAR_SECONDS,
    path: "/",
    sameSite: "lax",
    httpOnly: true,
  });
  // Every layout renders text through the catalogue: refresh them all.
  revalidatePath("/", "layout");
});
