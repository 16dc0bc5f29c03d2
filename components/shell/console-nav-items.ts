import type { MessageKey } from "@/lib/i18n/catalogue";
import type { Permission } from "@/lib/server/auth/permissions";

export type ConsoleNavItem = { href: string; labelKey: MessageKey; permission: Permission };

// Each console section names the permission that opens it; the side nav shows only those the role has.
export const CONSOLE_NAV: readonly ConsoleNavItem[] = [
  { href: "/console", labelKey: "console.nav.overview", permission: "console.access" },
  { href: "/console/reviews", labelKey: "console.nav.reviews", permission: "orders.review" },
  { href: "/console/certificates", labelKey: "lifecycleRevoke.console.nav", permission: "orders.viewAll" },
  { href: "/console/orgs", labelKey: "orgConsole.nav.orgs", permission: "orgs.view" },
  { href: "/console/org-requests", labelKey: "orgConsole.nav.requests", permission: "orgs.review" },
  { href: "/console/seals", labelKey: "seals.console.title", permission: "seals.review" },
  { href: "/console/invoices", labelKey: "invoices.console.nav", permission: "invoices.manage" },
  { href: "/console/shipments", labelKey: "shipping.console.nav", permission: "shipments.manage" },
  { href: "/console/feedback", labelKey: "me.feedbackConsole.nav", permission: "feedback.answer" },
  { href: "/console/channels", labelKey: "console.nav.channels", permission: "channels.manage" },
  { href: "/console/platforms", labelKey: "console.nav.platforms", permission: "platforms.manage" },
  { href: "/console/users", labelKey: "console.nav.users", permission: "users.manage" },
  { href: "/console/ca", labelKey: "console.nav.ca", permission: "ca.manage" },
  { href: "/console/key-recoveries", labelKey: "console.nav.recoveries", permission: "keys.recover" },
  { href: "/console/audit", labelKey: "console.nav.audit", permission: "audit.read" },
];
