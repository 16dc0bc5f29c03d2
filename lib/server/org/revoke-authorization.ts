import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { ZRevokeAuthorization, type TRevokeAuthorization } from "./org-requests.types";
import { requireMember } from "./require-member";

/**
 * 授权管理 → revoke: authorizations.manage; ACTIVE → REVOKED as one conditional update (a second revocation,
 * or one racing it, is CONFLICT) with its audit row. The member's next scan on that platform is refused.
 */
export async function revokeAuthorization({ userId, input }: { userId: string; input: TRevokeAuthorization }) {
  const { orgId, authorizationId } = parseInput(ZRevokeAuthorization, input);
  await requireMember({ userId, orgId, permission: "authorizations.manage" });
  return db.$transaction(async (tx) => {
    const row = await tx.platformAuthorization.findFirst({ where: { id: authorizationId, orgId }, select: { id: true, membershipId: true, platformId: true } });
    if (!row) throw new AppError("not_found", { userMessage: "orgRequests.errors.notAuthorized" });
    const done = await tx.platformAuthorization.updateMany({ where: { id: row.id, status: "ACTIVE" }, data: { status: "REVOKED", revokedById: userId, revokedAt: new Date() } });
    if (done.count === 0) throw new AppError("conflict", { userMessage: "orgRequests.errors.notAuthorized" });
    await writeAudit(tx, { actorId: userId, action: "org.authorization_revoked", targetType: "organization", targetId: orgId, data: { membershipId: row.membershipId, platformId: row.platformId } });
    return { authorizationId: row.id, status: "REVOKED" as const };
  });
}
