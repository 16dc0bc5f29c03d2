import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PhoneIcon } from "@/components/phone/phone-icons";
import styles from "@/components/phone/phone.module.css";
import meStyles from "@/components/phone/me.module.css";
import { supportPhone } from "@/components/shell/support-phone";
import { getT } from "@/lib/i18n/server";
import { hasPermission } from "@/lib/server/auth/permissions";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.me.metaTitle") };
}

// 我的: who the account is (name, 实名认证, enterprises and roles), then its pages grouped as the seed manuals do.
export default async function MePage() {
  const user = await requirePhoneUser({ next: "/m/me" });
  const t = await getT();
  const [realName, orgs] = await Promise.all([getAccountRealName({ userId: user.id }), listMyOrganizations({ userId: user.id })]);
  const knownName = realName.realName ?? user.name;
  const name = knownName ?? maskPhone(user.phone);
  const phone = supportPhone();
  return (
    <>
      <section className={meStyles.profile} aria-label={t("phone.me.title")}>
        <span className={meStyles.avatar} aria-hidden="true">{knownName ? Array.from(knownName)[0] : <PhoneIcon name="me" size={28} />}</span>
        <h1 className={meStyles.name} data-testid="me-name">{name}</h1>
        <p className={meStyles.sub}>
          {knownName && <span data-testid="me-phone">{maskPhone(user.phone)}</span>}
          <Badge tone={realName.isVerified ? "success" : "warning"}>
            <span data-testid="me-real-name">{realName.isVerified ? `${t("identity.realName.verified")} · ${realName.realName}` : t("identity.realName.notVerified")}</span>
          </Badge>
          {!realName.isVerified && <Link href="/m/me/real-name" className={meStyles.verify}>{t("me.page.goVerify")}</Link>}
        </p>
        <ul className={meStyles.orgs} aria-label={t("me.page.enterprises")} data-testid="me-orgs">
          {orgs.length === 0 ? (
            <li>{t("me.page.noEnterprise")}</li>
          ) : (
            orgs.map((o) => (
              <li key={o.orgId}>
                <span>{o.name}</span>
                <span className={meStyles.role}>{t(`orgMembers.roles.${o.role}`)}</span>
              </li>
            ))
          )}
          {hasPermission(user.role, "console.access") && <li><span>{t("me.page.staffRole", { role: t(`console.roles.${user.role}`) })}</span></li>}
        </ul>
      </section>

      <h2 className={meStyles.groupTitle}>{t("me.page.account")}</h2>
      <ul className={styles.menu}>
        <li><Link href="/m/me/real-name" data-testid="me-real-name-link">{t("identity.realName.menu")}</Link></li>
        <li><Link href="/m/certs">{t("phone.me.certs")}</Link></li>
        <li><Link href="/m/seals" data-testid="me-seals">{t("seals.phone.title")}</Link></li>
        <li><Link href="/m/org" data-testid="me-org">{t("orgMembers.phone.title")}</Link></li>
        <li><Link href="/m/scan/sessions" data-testid="me-sessions">{t("scanner.sessions")}</Link></li>
        <li><Link href="/m/scan/usage" data-testid="me-usage">{t("scanner.usage")}</Link></li>
      </ul>

      <h2 className={meStyles.groupTitle}>{t("me.page.services")}</h2>
      <ul className={styles.menu}>
        <li><Link href="/m/me/bills" data-testid="me-bills">{t("me.menu.bills")}</Link></li>
        <li><Link href="/m/me/invoices" data-testid="me-invoices">{t("invoices.phone.title")}</Link></li>
        <li><Link href="/m/me/cards" data-testid="me-cards">{t("me.menu.cards")}</Link></li>
      </ul>

      <h2 className={meStyles.groupTitle}>{t("me.page.support")}</h2>
      <ul className={styles.menu}>
        <li><Link href="/m/me/help" data-testid="me-help">{t("me.menu.help")}</Link></li>
        <li><Link href="/m/me/feedback" data-testid="me-feedback">{t("me.menu.feedback")}</Link></li>
        <li>
          <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} data-testid="me-call">
            {t("me.menu.call")}
            <span className={meStyles.value}>{phone}</span>
          </a>
        </li>
      </ul>

      <h2 className={meStyles.groupTitle}>{t("me.page.general")}</h2>
      <ul className={styles.menu}>
        <li><Link href="/m/me/settings" data-testid="me-settings">{t("me.menu.settings")}</Link></li>
        <li><Link href="/m/messages">{t("phone.tabs.messages")}</Link></li>
        <li><a href="/">{t("phone.me.desk")}</a></li>
      </ul>
      <div className={styles.form} style={{ marginTop: "var(--space-4)" }}>
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
