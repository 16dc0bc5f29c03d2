import type { OrgRole } from "@/lib/generated/prisma/enums";
import { ORG_ROLE_PERMISSIONS, type OrgPermission } from "./org-permissions";

/** The roles that grant a permission, for queries (`role: { in: orgRolesWith(p) }`). */
export function orgRolesWith(permission: OrgPermission): OrgRole[] {
  return (Object.keys(ORG_ROLE_PERMISSIONS) as OrgRole[]).filter((role) =>
    (ORG_ROLE_PERMISSIONS[role] as readonly OrgPermission[]).includes(permission),
  );
}
