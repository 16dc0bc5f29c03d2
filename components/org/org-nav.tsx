import { db } from "@/lib/db/client";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { ORG_NAV_ITEMS } from "./org-nav-items";
import { OrgNavLinks } from "./org-nav-links";

/**
 * The enterprise area's sub-navigation on the desk (/org/[orgId]/…): 概况, 人员管理, 授权管理, 申请审核,
 * 法定代表人审核, 转授管理员, 使用记录, 企业设置 — only the pages the caller's role may open (a legal
 * representative sees no 人员管理, a member no 企业设置). Every page of the area renders it under its header.
 */
export async function OrgNav({ orgId }: { orgId: string }) {
  const user = await requirePageUser();
  const membership = await db.membership.findFirst({ where: { orgId, userId: user.id, status: "ACTIVE", org: { deletedAt: null } }, select: { role: true } });
  if (!membership) return null;
  const items = ORG_NAV_ITEMS.filter((item) => hasOrgPermission(membership.role, item.permission));
  return <OrgNavLinks orgId={orgId} items={items} />;
}
