import { db } from "@/lib/db/client";
import { listOrgRequests } from "./list-org-requests";

/**
 * 法定代表人 page: a verified legal representative (LEGAL_REP) sees the requests waiting for their approval; a
 * member with another role is told so; anyone else gets the verification form and learns nothing about the
 * organization (not even whether the id exists) until their check passes.
 */
export async function loadLegalRepPage({ userId, orgId }: { userId: string; orgId: string }) {
  const membership = await db.membership.findFirst({ where: { orgId, userId, status: "ACTIVE", org: { deletedAt: null } }, select: { role: true } });
  if (membership?.role !== "LEGAL_REP") return { role: membership?.role ?? null, orgName: null, pending: [] };
  const lists = await listOrgRequests({ userId, orgId });
  return { role: membership.role, orgName: lists.orgName, pending: lists.pending };
}
