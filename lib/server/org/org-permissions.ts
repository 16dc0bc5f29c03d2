import type { OrgRole } from "@/lib/generated/prisma/enums";

/** What a member may do inside their organization (next to the global PERMISSIONS of lib/server/auth). */
export const ORG_PERMISSIONS = [
  "org.view", // the organization's page and details
  "org.edit", // change the organization's information (hands over to the certificate change flow)
  "members.view", // the member list and a member's certificates
  "members.manage", // add and remove members (removal revokes their certificates), answer join requests
  "authorizations.manage", // grant and revoke the use of the enterprise certificate per trading platform
  "certs.request", // ask for an enterprise certificate for oneself (a member's request goes to the administrator)
  "certs.use", // sign with an enterprise certificate one is authorized for
  "certs.manage", // revoke a member's certificate, answer members' certificate requests
  "orders.viewAll", // every order of the organization, not only one's own
  "seals.manage", // create, change and void the organization's seals
  "seals.use", // use a seal one is authorized for
  "usage.viewAll", // every member's usage records (members see their own)
  "approvals.legalRep", // the legal person's approval (审核查看) where the channel asks for it
  "org.transferAdmin", // hand the primary administrator role to another member
  "org.delete", // delete the organization (revokes every certificate, voids every seal)
] as const;

export type OrgPermission = (typeof ORG_PERMISSIONS)[number];

// The administrator has everything but the legal person's approval: that approval is a check on what the
// administrator and members ask for, by another person verified against the organization's legal-rep data.
// Certificate administrators authorize others and manage certificates but neither manage members nor
// transfer or delete the organization. Seal administrators manage seals. Members only use.
export const ORG_ROLE_PERMISSIONS = {
  ADMIN: [
    "org.view",
    "org.edit",
    "members.view",
    "members.manage",
    "authorizations.manage",
    "certs.request",
    "certs.use",
    "certs.manage",
    "orders.viewAll",
    "seals.manage",
    "seals.use",
    "usage.viewAll",
    "org.transferAdmin",
    "org.delete",
  ],
  CERT_ADMIN: [
    "org.view",
    "members.view",
    "authorizations.manage",
    "certs.request",
    "certs.use",
    "certs.manage",
    "orders.viewAll",
    "seals.use",
    "usage.viewAll",
  ],
  SEAL_ADMIN: ["org.view", "certs.request", "certs.use", "seals.manage", "seals.use"],
  MEMBER: ["org.view", "certs.request", "certs.use", "seals.use"],
  LEGAL_REP: ["org.view", "approvals.legalRep"],
} as const satisfies Record<OrgRole, readonly OrgPermission[]>;

/** True when one of the roles grants the permission. */
export function hasOrgPermission(roles: OrgRole | readonly OrgRole[], permission: OrgPermission): boolean {
  const list: readonly OrgRole[] = typeof roles === "string" ? [roles] : roles;
  return list.some((role) => (ORG_ROLE_PERMISSIONS[role] as readonly OrgPermission[]).includes(permission));
}
