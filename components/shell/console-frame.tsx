import Link from "next/link";
import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import { maskPhone, type SessionUser } from "@/lib/server/auth/session-user";
import { hasPermission } from "@/lib/server/auth/permissions";
import { CONSOLE_NAV } from "./console-nav-items";
import { ConsoleSideNav } from "./console-side-nav";
import { LanguageSwitch } from "./language-switch";
import { LogoMark } from "./logo-mark";
import { UserMenu } from "./user-menu";
import { ReviewQueueBadge } from "@/components/console/review-queue-badge";
import styles from "./console-frame.module.css";

/** The review console: a dark top bar, a side nav filtered by the role, and the page. */
export async function ConsoleFrame({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getT();
  const items = CONSOLE_NAV.filter((i) => hasPermission(user.role, i.permission)).map((i) => ({
    href: i.href,
    label: t(i.labelKey),
    badge: i.href === "/console/reviews" ? <ReviewQueueBadge user={user} /> : undefined,
  }));

  return (
    <div className={styles.frame}>
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <header className={styles.top}>
        <Link href="/console" className={styles.brand}>
          <LogoMark size={30} />
          <span>{t("console.title")}</span>
        </Link>
        <div className={styles.tools}>
          <Link href="/" className={styles.back}>
            {t("console.backToDesk")}
          </Link>
          <LanguageSwitch tone="dark" className={styles.lang} />
          <div className={styles.user}>
            <UserMenu maskedPhone={maskPhone(user.phone)} name={user.name} canOpenConsole />
          </div>
        </div>
      </header>
      <div className={styles.body}>
        <ConsoleSideNav items={items} label={t("console.nav.label")} />
        <main id="main" tabIndex={-1} className={styles.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
