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
  // The one wizard route serves every order kind: /apply/renew-… is 证书更新's flow, /apply/revoke-… 证书吊销's, /apply/change-… 信息变更's.
  const kind = /^\/apply\/(renew|revoke|change)-/.exec(pathname)?.[1];
  if (kind) return href === `/${kind}`;
  return pathname === href || pathname.startsWith(`${href}/`);
}
