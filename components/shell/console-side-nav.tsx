"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import styles from "./console-frame.module.css";

/** The console's section list; the overview is active only on /console itself. */
export function ConsoleSideNav({ items, label }: { items: readonly { href: string; label: string; badge?: ReactNode }[]; label: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label} className={styles.side}>
      <ul>
        {items.map((item) => {
          const isActive =
            item.href === "/console" ? pathname === "/console" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={isActive ? "page" : undefined}>
                {item.label}
                {item.badge}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
