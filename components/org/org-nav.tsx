"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import styles from "./org-area.module.css";

const ITEMS = [
  { slug: "", key: "orgMembers.nav.overview" },
  { slug: "/members", key: "orgMembers.nav.members" },
  { slug: "/authorizations", key: "orgMembers.nav.authorizations" },
  { slug: "/requests", key: "orgMembers.nav.requests" },
  { slug: "/transfer", key: "orgMembers.nav.transfer" },
  { slug: "/usage", key: "orgMembers.nav.usage" },
  { slug: "/settings", key: "orgMembers.nav.settings" },
] as const;

/**
 * The enterprise area's sub-navigation on the desk (/org/[orgId]/…): 概况, 人员管理, 授权管理, 申请审核,
 * 转授管理员, 使用记录, 企业设置. Every page of the area renders it under its header: <OrgNav orgId={orgId} />.
 */
export function OrgNav({ orgId }: { orgId: string }) {
  const t = useT();
  const pathname = usePathname();
  const base = `/org/${orgId}`;
  return (
    <nav className={styles.nav} aria-label={t("orgMembers.title")} data-testid="org-nav">
      {ITEMS.map((item) => {
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
