import { describe, expect, it } from "vitest";
import { OrgRole } from "@/lib/generated/prisma/enums";
import { hasOrgPermission, ORG_PERMISSIONS, ORG_ROLE_PERMISSIONS, type OrgPermission } from "@/lib/server/org/org-permissions";
import { orgRolesWith } from "@/lib/server/org/org-roles-with";

// Written out here rather than derived: a change to the matrix shows in review as a change to this table.
// Columns: ADMIN, CERT_ADMIN, SEAL_ADMIN, MEMBER, LEGAL_REP.
const MATRIX: Record<OrgPermission, [boolean, boolean, boolean, boolean, boolean]> = {
  "org.view":              [true,  true,  true,  true,  true ],
  "org.edit":              [true,  false, false, false, false],
  "members.view":          [true,  true,  false, false, false],
  "members.manage":        [true,  false, false, false, false],
  "authorizations.manage": [true,  true,  false, false, false],
  "certs.request":         [true,  true,  true,  true,  false],
  "certs.use":             [true,  true,  true,  true,  false],
  "certs.manage":          [true,  true,  false, false, false],
  "orders.viewAll":        [true,  true,  false, false, false],
  "seals.manage":          [true,  false, true,  false, false],
  "seals.use":             [true,  true,  true,  true,  false],
  "usage.viewAll":         [true,  true,  false, false, false],
  "approvals.legalRep":    [false, false, false, false, true ],
  "org.transferAdmin":     [true,  false, false, false, false],
  "org.delete":            [true,  false, false, false, false],
};
const ROLES: OrgRole[] = ["ADMIN", "CERT_ADMIN", "SEAL_ADMIN", "MEMBER", "LEGAL_REP"];

describe("org permission matrix", () => {
  it("covers every role and every permission", () => {
    expect([...ROLES].sort()).toEqual(Object.values(OrgRole).sort());
    expect(Object.keys(MATRIX).sort()).toEqual([...ORG_PERMISSIONS].sort());
    expect(Object.keys(ORG_ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  const cells = ROLES.flatMap((role, i) => ORG_PERMISSIONS.map((permission) => ({ role, permission, allowed: MATRIX[permission][i]! })));
  it.each(cells)("$role × $permission → $allowed", ({ role, permission, allowed }) => {
    expect(hasOrgPermission(role, permission)).toBe(allowed);
    expect(hasOrgPermission([role], permission)).toBe(allowed);
    expect(orgRolesWith(permission).includes(role)).toBe(allowed);
  });

  it("several roles grant the union; no role grants nothing", () => {
    expect(hasOrgPermission(["MEMBER", "LEGAL_REP"], "approvals.legalRep")).toBe(true);
    expect(hasOrgPermission(["MEMBER", "LEGAL_REP"], "members.manage")).toBe(false);
    expect(hasOrgPermission([], "org.view")).toBe(false);
  });

  it("orders.viewAll (orderWhere's default) is the administrators' only", () => {
    expect(orgRolesWith("orders.viewAll").sort()).toEqual(["ADMIN", "CERT_ADMIN"]);
  });
});
