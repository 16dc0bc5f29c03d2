import type { MessageKey } from "@/lib/i18n/catalogue";

export type NavItem = { href: string; labelKey: MessageKey };

export const DESK_NAV: readonly NavItem[] = [
  { href: "/", labelKey: "shell.nav.home" },
  { href: "/apply", labelKey: "shell.nav.apply" },
  { href: "/renew", labelKey: "shell.nav.renew" },
  { href: "/change", labelKey: "shell.nav.change" },
  { href: "/revoke", labelKey: "shell.nav.revoke" },
  { href: "/orders", labelKey: "shell.nav.orders" },
  { href: "/org", labelKey: "orgMembers.navLabel" },
  { href: "/seals", labelKey: "shell.nav.seals" },
  { href: "/help", labelKey: "shell.nav.help" },
];

/** "/" only on the home page; other items also for their sub-pages (/apply/unit → 证书新办). */
export function isNavActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
