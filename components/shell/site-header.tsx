import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { hasPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/get-session-user";
import { maskPhone } from "@/lib/server/auth/session-user";
import { DeskNavBar, DeskNavMenu } from "./desk-nav";
import { LanguageSwitch } from "./language-switch";
import { LogoMark } from "./logo-mark";
import { DESK_NAV } from "./nav-items";
import { UserMenu } from "./user-menu";
import styles from "./site-header.module.css";

export async function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = await getT();
  const items = DESK_NAV.map((item) => ({ href: item.href, label: t(item.labelKey) }));
  const canOpenConsole = user ? hasPermission(user.role, "console.access") : false;

  return (
    <header className={styles.header}>
      <div className={`container ${styles.top}`}>
        <Link href="/" className={styles.brand}>
          <LogoMark size={40} className={styles.mark} />
          <span className={styles.brandText}>
            <span className={`${styles.name} ${styles.nameFull}`}>{t("common.appName")}</span>
            {/* Phones: the English name is too long for the bar. */}
            <span className={`${styles.name} ${styles.nameShort}`} aria-hidden="true">
              {t.locale === "en" ? t("common.appNameShort") : t("common.appName")}
            </span>
            <span className={styles.tagline}>{t("shell.tagline")}</span>
          </span>
        </Link>

        <div className={styles.tools}>
          <LanguageSwitch className={styles.wideOnly} />
          {canOpenConsole && (
            <ButtonLink href="/console" variant="ghost" size="sm" className={styles.wideOnly}>
              {t("shell.user.console")}
            </ButtonLink>
          )}
          {user ? (
            <UserMenu maskedPhone={maskPhone(user.phone)} name={user.name} canOpenConsole={canOpenConsole} />
          ) : (
            <ButtonLink href="/login" variant="outline" size="sm" className={styles.login}>
              {t("shell.user.login")}
            </ButtonLink>
          )}
          <DeskNavMenu items={items} label={t("shell.nav.label")} buttonLabel={t("shell.nav.menu")}>
            <LanguageSwitch />
          </DeskNavMenu>
        </div>
      </div>
      <DeskNavBar items={items} label={t("shell.nav.label")} />
    </header>
  );
}
