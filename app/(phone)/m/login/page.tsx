import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LogoMark } from "@/components/shell/logo-mark";
import { PhoneLoginForm } from "@/components/phone/phone-login-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { safeNextPath } from "@/lib/server/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.login.metaTitle") };
}

export default async function PhoneLoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getT();
  const requested = safeNextPath((await searchParams).next);
  // The phone app stays in /m after login, whatever path was asked for outside it.
  const next = requested.startsWith("/m") ? requested : "/m";
  if (await getSessionUser()) redirect(next);
  return (
    <div className={styles.loginWrap}>
      <div className={styles.loginBrand}>
        <LogoMark size={56} />
        <h1>{t("phone.login.title")}</h1>
        <p>{t("phone.login.lead")}</p>
      </div>
      <PhoneLoginForm next={next} />
    </div>
  );
}
