import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ChangePhoneForm } from "@/components/auth/change-phone-form";
import { PasswordForm } from "@/components/auth/password-form";
import { ClearCacheCard } from "@/components/phone/clear-cache-card";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { listPhoneCertificates } from "@/lib/server/certs/list-phone-certificates";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.settings.metaTitle") };
}

// 设置: 更换手机号 and 登录密码 (the desk's forms and domain functions), 清除缓存 (this phone only).
export default async function PhoneSettingsPage() {
  const user = await requirePhoneUser({ next: "/m/me/settings" });
  const t = await getT();
  const certs = await listPhoneCertificates({ userId: user.id });
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("phone.me.title")}>‹</Link>
        <h1>{t("me.settings.title")}</h1>
      </header>
      <div className={styles.form}>
        <Card title={t("me.settings.phone")} description={t("me.settings.phoneHint")} headingLevel={2}>
          <ChangePhoneForm currentPhone={user.phone} />
        </Card>
        <Card title={t("me.settings.password")} description={user.hasPassword ? t("me.settings.passwordSet") : t("me.settings.passwordNotSet")}>
          <PasswordForm hasPassword={user.hasPassword} />
        </Card>
        <Card title={t("me.settings.cache")}>
          <ClearCacheCard certificates={[...certs.active, ...certs.expired].map((c) => ({ id: c.id, subjectName: c.subjectName }))} />
        </Card>
      </div>
    </>
  );
}
