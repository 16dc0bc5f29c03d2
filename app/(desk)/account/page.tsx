import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PasswordForm } from "@/components/auth/password-form";
import { ChangePhoneForm } from "@/components/auth/change-phone-form";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { maskPhone } from "@/lib/server/auth/session-user";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { hasPermission } from "@/lib/server/auth/permissions";
import { listPasskeys } from "@/lib/server/auth/passkeys/list-passkeys";
import { getSecondFactorStatus } from "@/lib/server/auth/second-factor/get-second-factor-status";
import { PasskeyList } from "@/components/auth/passkey-list";
import { TotpCard } from "@/components/auth/totp-card";
import { formatDateTime } from "@/components/console/format";
import { RealNameForm } from "@/components/identity/real-name-form";
import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";
import styles from "./account.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.account.title") };
}

export default async function AccountPage() {
  await requirePageUser({ next: "/account" });
  // The account's real role (requirePageUser shows a staff session without second factor the desk as an applicant).
  const user = (await getSessionUser())!;
  const t = await getT();
  const isStaff = hasPermission(user.role, "console.access");
  const [passkeys, factors, realName] = await Promise.all([
    listPasskeys({ userId: user.id }),
    getSecondFactorStatus({ userId: user.id, sessionId: user.sessionId }),
    getAccountRealName({ userId: user.id }),
  ]);
  const rows = passkeys.map((p) => ({
    id: p.id,
    name: p.name,
    backedUp: p.backedUp,
    createdAt: formatDateTime(p.createdAt, t.locale),
    lastUsedAt: p.lastUsedAt ? formatDateTime(p.lastUsedAt, t.locale) : null,
  }));
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
      <Card title={t("identity.realName.title")} id="real-name">
        <RealNameForm account={realName} phoneMasked={maskPhone(user.phone)} orgHref="/org" />
      </Card>
      <Card title={t("auth.account.passwordSection")} description={user.hasPassword ? t("auth.account.passwordSet") : t("auth.account.passwordNotSet")}>
        <PasswordForm hasPassword={user.hasPassword} />
      </Card>
      <Card title={t("auth.account.phoneSection")} description={t("auth.account.phoneHint")}>
        <ChangePhoneForm currentPhone={user.phone} />
      </Card>
      <Card title={t("passkeys.account.title")} description={t("passkeys.account.lead")}>
        <PasskeyList passkeys={rows} />
      </Card>
      {isStaff && (
        <Card title={t("passkeys.account.totpTitle")} description={t("passkeys.account.totpLead")}>
          <TotpCard isEnabled={factors.hasTotp} />
        </Card>
      )}
    </div>
  );
}
