"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isNavActive } from "./nav-items";
import { useCloseOnNavigate } from "./use-close-on-navigate";
import styles from "./desk-nav.module.css";

export type DeskNavLink = { href: string; label: string };

function NavLinks({ items, className }: { items: readonly DeskNavLink[]; className: string }) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className={className}>
      {items.map((item) => {
        const isActive = isNavActive(item.href, pathname);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={isActive ? "page" : undefined} className={styles.link}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The blue navigation bar under the header, from 768 px up. */
export function DeskNavBar({ items, label }: { items: readonly DeskNavLink[]; label: string }) {
  return (
    <nav aria-label={label} className={styles.bar}>
      <div className="container">
        <NavLinks items={items} className={styles.barList} />
      </div>
    </nav>
  );
}

/** Under 768 px: a menu button (<details>, so it opens without JS) with the same links and the extras. */
export function DeskNavMenu({
  items,
  label,
  buttonLabel,
  children,
}: {
  items: readonly DeskNavLink[];
  label: string;
  buttonLabel: string;
  children?: ReactNode;
}) {
  const ref = useCloseOnNavigate();
  return (
    <details ref={ref} className={styles.menu}>
      <summary className={styles.menuButton}>
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" className={styles.menuIcon}>
          <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" className={styles.closeIcon}>
          <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <span>{buttonLabel}</span>
      </summary>
      <div className={styles.panel}>
        <nav aria-label={label}>
          <NavLinks items={items} className={styles.panelList} />
        </nav>
        {children && <div className={styles.panelExtras}>{children}</div>}
      </div>
    </details>
  );
}
