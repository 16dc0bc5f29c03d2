"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { PhoneIcon, type PhoneIconName } from "./phone-icons";
import styles from "./phone.module.css";

/** The bottom tab bar: 首页 证书 消息 我的, with the unread count on 消息. */
export function PhoneTabBar({ items, label, unread }: { items: Array<{ href: string; label: string; icon: PhoneIconName }>; label: string; unread: number }) {
  const pathname = usePathname() ?? "";
  return (
    <nav className={styles.tabbar} aria-label={label}>
      <ul>
        {items.map((item) => {
          const isActive = item.href === "/m" ? pathname === "/m" : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={isActive ? "page" : undefined}>
                <PhoneIcon name={item.icon} />
                {item.label}
                {item.icon === "message" && unread > 0 && <span className={styles.dot} data-testid="unread-count">{unread > 99 ? "99+" : unread}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
