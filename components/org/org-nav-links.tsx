"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import styles from "./org-area.module.css";

import type { OrgNavItem } from "./org-nav-items";

/** The links of OrgNav (the server component chose the items the caller's role may open). */
export function OrgNavLinks({ orgId, items }: { orgId: string; items: readonly OrgNavItem[] }) {
  const t = useT();
  const pathname = usePathname();
  const base = `/org/${orgId}`;
  return (
    <nav className={styles.nav} aria-label={t("orgMembers.title")} data-testid="org-nav">
      {items.map((item) => {
        const href = base + item.slug;
        const isActive = item.slug === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={item.slug} href={href} className={isActive ? styles.navActive : styles.navItem} aria-current={isActive ? "page" : undefined}>
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
