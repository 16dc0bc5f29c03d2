import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PasswordForm } from "@/components/auth/password-form";
import { ChangePhoneForm } from "@/components/auth/change-phone-form";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { maskPhone } from "@/lib/server/auth/session-user";
import styles from "./account.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.account.title") };
}

export default async function AccountPage() {
  const user = await requirePageUser({ next: "/account" });
  const t = await getT();
  return (
    <div className={styles.page}>
      <PageHeader title={t("auth.account.title")} />
      <Card title={t("auth.account.title")}>
        <dl className={styles.facts}>
          <dt>{t("auth.account.phone")}</dt>
          <dd data-testid="account-phone">{maskPhone(user.phone)}</dd>
          <dt>{t("auth.account.role")}</dt>
          <dd>{t(`auth.account.roles.${user.role}`)}</dd>
        </dl>
      </Card>
      <Card title={t("auth.account.passwordSection")} description={user.hasPassword ? t("auth.account.passwordSet") : t("auth.account.passwordNotSet")}>
        <PasswordForm hasPassword={user.hasPassword} />
      </Card>
      <Card title={t("auth.account.phoneSection")} description={t("auth.account.phoneHint")}>
        <ChangePhoneForm currentPhone={user.phone} />
      </Card>
    </div>
  );
}
