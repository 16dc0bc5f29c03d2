"use client";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useCloseOnNavigate } from "./use-close-on-navigate";
import styles from "./user-menu.module.css";

type UserMenuProps = {
  maskedPhone: string;
  name: string | null;
  canOpenConsole: boolean;
};

/** The signed-in user's menu: masked phone as the button; account, console (staff) and logout inside. */
export function UserMenu({ maskedPhone, name, canOpenConsole }: UserMenuProps) {
  const t = useT();
  const ref = useCloseOnNavigate();
  return (
    <details ref={ref} className={styles.menu}>
      <summary className={styles.button} aria-label={`${t("shell.user.menu")}: ${maskedPhone}`}>
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" className={styles.avatar}>
          <circle cx="10" cy="10" r="9.2" fill="currentColor" opacity="0.12" />
          <circle cx="10" cy="8" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M4.6 16c1.1-2.4 3-3.6 5.4-3.6s4.3 1.2 5.4 3.6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span className={styles.phone} data-testid="user-phone">
          {maskedPhone}
        </span>
        <svg viewBox="0 0 12 8" width="10" height="8" aria-hidden="true" className={styles.chevron}>
          <path d="M1 1l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </summary>
      <div className={styles.panel}>
        <div className={styles.who}>
          <span className={styles.whoLabel}>{t("shell.user.signedInAs")}</span>
          {name && <span className={styles.whoName}>{name}</span>}
          <span className={styles.whoValue}>{maskedPhone}</span>
        </div>
        <ul className={styles.items}>
          <li>
            <Link href="/account" className={styles.item}>
              {t("shell.user.account")}
            </Link>
          </li>
          {canOpenConsole && (
            <li>
              <Link href="/console" className={styles.item}>
                {t("shell.user.console")}
              </Link>
            </li>
          )}
          <li>
            <form method="post" action="/api/auth/logout">
              <button type="submit" className={`${styles.item} ${styles.logout}`}>
                {t("shell.user.logout")}
              </button>
            </form>
          </li>
        </ul>
      </div>
    </details>
  );
}
