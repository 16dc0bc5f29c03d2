import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * The administrator transfer (转授管理员) takes effect: the current primary administrator becomes a
 * certificate administrator (they keep their certificate and may still use it) and `toUserId`, an ACTIVE
 * member, becomes ADMIN. The organization row is locked and the current administrator must still be
 * `fromUserId`, so two transfers approved at once cannot both swap (the second is CONFLICT). The caller
 * marks its request APPROVED in the same transaction.
 */
export async function swapPrimaryAdmin(
  tx: Tx,
  { orgId, fromUserId, toUserId, actorId, via, requestId }: { orgId: string; fromUserId: string; toUserId: string; actorId: string; via: "certificate" | "paper"; requestId: string },
) {
  if (fromUserId === toUserId) throw new AppError("bad_request");
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
  const current = await tx.membership.findFirst({ where: { orgId, role: "ADMIN", status: "ACTIVE" } });
  if (!current || current.userId !== fromUserId) throw new AppError("conflict");
  const target = await tx.membership.findFirst({ where: { orgId, userId: toUserId, status: "ACTIVE" } });
  if (!target) throw new AppError("not_found");
  await tx.membership.update({ where: { id: current.id }, data: { role: "CERT_ADMIN" } });
  await tx.membership.update({ where: { id: target.id }, data: { role: "ADMIN" } });
  await writeAudit(tx, { actorId, action: "org.admin_transferred", targetType: "organization", targetId: orgId, data: { from: fromUserId, to: toUserId, via, requestId } });
}
