import type { Tx } from "@/lib/db/client";
import type { OrgRequestKind } from "@/lib/generated/prisma/enums";
import { notifyOrgRequest } from "./notify-org-request";
import { orgRolesWith } from "./org-roles-with";
import type { OrgPermission } from "./org-permissions";
import { resolveOrgChannel } from "./resolve-org-channel";

/** Who answers a request at the administrator's stage: joins are the members' business, certificate requests the certificates'. */
export function adminStagePermission(kind: OrgRequestKind): OrgPermission {
  return kind === "CERT" ? "certs.manage" : "members.manage";
}

/** A new join or certificate request starts with the legal person where the enterprise's channel asks for it and one is verified. */
export async function firstStage(tx: Tx, { orgId }: { orgId: string }): Promise<"PENDING_LEGAL_REP" | "PENDING_ADMIN"> {
  const channel = await resolveOrgChannel(tx, { orgId });
  if (!channel.requireLegalRepApproval) return "PENDING_ADMIN";
  const legalRep = await tx.membership.count({ where: { orgId, role: "LEGAL_REP", status: "ACTIVE" } });
  return legalRep > 0 ? "PENDING_LEGAL_REP" : "PENDING_ADMIN";
}

/** Messages (加入企业申领 …) to everyone who may answer the request at its stage. */
export async function notifyStage(tx: Tx, { orgId, requestId, kind, stage, requesterId }: { orgId: string; requestId: string; kind: OrgRequestKind; stage: "PENDING_LEGAL_REP" | "PENDING_ADMIN"; requesterId: string }) {
  const permission: OrgPermission = stage === "PENDING_LEGAL_REP" ? "approvals.legalRep" : adminStagePermission(kind);
  const deciders = await tx.membership.findMany({ where: { orgId, status: "ACTIVE", role: { in: orgRolesWith(permission) }, userId: { not: requesterId } }, select: { userId: true } });
  for (const d of deciders) {
    await notifyOrgRequest(tx, { toUserId: d.userId, orgId, kind, link: `/org/${orgId}/requests#${requestId}`, event: "received", requesterId });
  }
}
