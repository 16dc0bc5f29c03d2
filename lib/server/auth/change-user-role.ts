import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { ZChangeUserRoleSchema } from "@/lib/server/auth/users.types";

/**
 * Makes someone a reviewer or admin, or takes it back. An admin cannot change their own role: the
 * last admin demoting themselves would lock everyone out of these pages.
 */
export async function changeUserRole({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "users.manage");
  const { userId, role } = ZChangeUserRoleSchema.parse(input);
  if (userId === user.id) throw new AppError("conflict", { userMessage: "review.errors.ownRole" });
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("not_found");
    if (target.role === role) return target;
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
    await writeAudit(tx, { actorId: user.id, action: "user.role_changed", targetType: "User", targetId: userId, data: { from: target.role, to: role }, ip });
    return updated;
  });
}
