import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.me.metaTitle") };
}

export default async function MePage() {
  const user = await requirePhoneUser({ next: "/m/me" });
  const t = await getT();
  const realName = await getAccountRealName({ userId: user.id });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("phone.me.title")}</h1>
      </header>
      <div className={styles.form}>
        <Card>
          <dl className={styles.dl}>
            <div>
              <dt>{t("phone.me.phone")}</dt>
              <dd data-testid="me-phone">{maskPhone(user.phone)}</dd>
            </div>
            <div>
              <dt>{t("phone.me.role")}</dt>
              <dd>{t(`console.roles.${user.role}`)}</dd>
            </div>
            <div>
              <dt>{t("identity.realName.title")}</dt>
              <dd>
                <Badge tone={realName.isVerified ? "success" : "warning"}>
                  <span data-testid="me-real-name">{realName.isVerified ? `${t("identity.realName.verified")} · ${realName.realName}` : t("identity.realName.notVerified")}</span>
                </Badge>
              </dd>
            </div>
          </dl>
        </Card>
        <ul className={styles.menu}>
          <li><Link href="/m/me/real-name" data-testid="me-real-name-link">{t("identity.realName.menu")}</Link></li>
          <li><Link href="/m/certs">{t("phone.me.certs")}</Link></li>
          <li><Link href="/m/seals" data-testid="me-seals">{t("seals.phone.title")}</Link></li>
          <li><Link href="/m/org" data-testid="me-org">{t("orgMembers.phone.title")}</Link></li>
          <li><Link href="/m/me/invoices" data-testid="me-invoices">{t("invoices.phone.title")}</Link></li>
          <li><Link href="/m/messages">{t("phone.tabs.messages")}</Link></li>
          <li><Link href="/m/scan/sessions" data-testid="me-sessions">{t("scanner.sessions")}</Link></li>
          <li><Link href="/m/scan/usage" data-testid="me-usage">{t("scanner.usage")}</Link></li>
          <li><a href="/">{t("phone.me.desk")}</a></li>
        </ul>
        <Card title={t("phone.me.security")}>
          <p className={styles.note}>{t("phone.me.securityBody")}</p>
        </Card>
        <Card title={t("phone.me.install")}>
          <p className={styles.note}>{t("phone.me.installHint")}</p>
        </Card>
        <form method="post" action="/api/auth/logout">
          <ul className={styles.menu}>
            <li><button type="submit" data-testid="logout">{t("phone.me.logout")}</button></li>
          </ul>
        </form>
      </div>
    </>
  );
}
