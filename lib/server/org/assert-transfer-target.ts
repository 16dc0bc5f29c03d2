import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { requireMember } from "./require-member";

/**
 * A transfer's preconditions: the caller is the primary administrator (org.transferAdmin) and the target
 * another ACTIVE member (a legal person's role is an approval role, not a colleague to hand the desk to).
 * An open transfer of the caller's is cancelled: the newest choice is the one that counts.
 */
export async function assertTransferTarget(tx: Tx, { userId, orgId, toUserId }: { userId: string; orgId: string; toUserId: string }) {
  const me = await requireMember({ userId, orgId, permission: "org.transferAdmin" }, tx);
  if (me.role !== "ADMIN") throw new AppError("forbidden", { userMessage: "orgRequests.errors.notAdmin" });
  const target = await tx.membership.findFirst({ where: { orgId, userId: toUserId, status: "ACTIVE", role: { not: "LEGAL_REP" } }, select: { id: true } });
  if (!target || toUserId === userId) throw new AppError("validation_failed", { userMessage: "orgRequests.errors.targetNotMember", fields: { toUserId: ["orgRequests.errors.targetNotMember"] } });
}
