import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

/**
 * Makes the user the organization's primary administrator when it has none (the claim, and a 对公打款
 * verification with no administrator yet): their membership is created, or updated and reactivated.
 * Already the administrator → unchanged. Another ACTIVE administrator → CONFLICT. The organization row
 * is locked first, so parallel attempts run one after another; the partial unique index
 * Membership_one_admin_per_org refuses a second one in any case. The caller writes the audit row in
 * the same transaction.
 */
export async function assignPrimaryAdmin({ orgId, userId }: { orgId: string; userId: string }, tx?: Tx) {
  const run = async (tx: Tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new AppError("not_found");
    const current = await tx.membership.findFirst({ where: { orgId, role: "ADMIN", status: "ACTIVE" }, select: { userId: true } });
    if (current && current.userId !== userId) throw new AppError("conflict");
    return tx.membership.upsert({
      where: { orgId_userId: { orgId, userId } },
      create: { orgId, userId, role: "ADMIN" },
      update: { role: "ADMIN", status: "ACTIVE", removedAt: null },
      select: { id: true, orgId: true, userId: true, role: true, status: true },
    });
  };
  try {
    return tx ? await run(tx) : await db.$transaction(run);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { cause: e });
    throw e;
  }
}
