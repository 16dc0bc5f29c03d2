import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { orgRolesWith } from "./org-roles-with";

/**
 * The unit wizard's enterprise step: an enterprise already registered (an organization with an ACTIVE
 * administrator) is not claimed again through a new order. The caller may go on only as an ACTIVE member
 * allowed to ask for enterprise certificates (`certs.request`); anyone else gets CONFLICT
 * orgMembers.errors.registered (the page links to 加入企业, /org/join?uscc=…). An organization without an
 * administrator, or a deleted one, may be claimed.
 */
export async function assertOrganizationClaimable(tx: Tx, { userId, uscc }: { userId: string; uscc: string }): Promise<void> {
  const org = await tx.organization.findUnique({
    where: { uscc },
    select: {
      id: true,
      deletedAt: true,
      members: { where: { status: "ACTIVE", OR: [{ role: "ADMIN" }, { userId }] }, select: { userId: true, role: true } },
    },
  });
  if (!org || org.deletedAt) return;
  if (!org.members.some((m) => m.role === "ADMIN")) return;
  const mine = org.members.find((m) => m.userId === userId);
  if (mine && orgRolesWith("certs.request").includes(mine.role)) return;
  throw new AppError("conflict", { userMessage: "orgMembers.errors.registered", params: { uscc } });
}
