import type { MessageKey } from "@/lib/i18n/catalogue";
import type { OrgPermission } from "@/lib/server/org/org-permissions";

export type OrgNavItem = { slug: string; key: MessageKey; permission: OrgPermission };

/** The enterprise area's pages and the permission each needs (the page itself checks it again). */
export const ORG_NAV_ITEMS: readonly OrgNavItem[] = [
  { slug: "", key: "orgMembers.nav.overview", permission: "org.view" },
  { slug: "/members", key: "orgMembers.nav.members", permission: "members.view" },
  { slug: "/authorizations", key: "orgMembers.nav.authorizations", permission: "org.view" },
  { slug: "/requests", key: "orgMembers.nav.requests", permission: "org.view" },
  { slug: "/legal-rep", key: "orgMembers.nav.legalRep", permission: "approvals.legalRep" },
  { slug: "/transfer", key: "orgMembers.nav.transfer", permission: "org.transferAdmin" },
  { slug: "/usage", key: "orgMembers.nav.usage", permission: "org.view" },
  { slug: "/seals", key: "seals.navLabel", permission: "org.view" },
  { slug: "/settings", key: "orgMembers.nav.settings", permission: "org.delete" },
];
