import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { maskIdNumber } from "@/lib/validators/mask";
import { idNumberHash } from "./id-number-hash";
import { matchesVerifiedPerson } from "./matches-verified-person";

export type AccountRealNameOutcome = "recorded" | "refreshed" | "unchanged" | "other_person";

/**
 * Records the account holder's real name (实名认证) in the transaction that marks their check PASSED:
 * User.realName, the masked ID number, realNameVerifiedAt and the audit row. The user row is locked,
 * so two passing checks of two people on one account (two tabs) cannot both land: the first person
 * stays and the other is "other_person" (nothing written). A verified account checked again with
 * the same person is refreshed when `refresh` (the account's own 实名认证), else left as it is (a
 * wizard check of the same person). An ID already verified on other accounts is allowed (people
 * change numbers) and those accounts are named in the audit row.
 */
export async function recordAccountRealName(
  tx: Tx,
  { userId, checkId, name, idNumber, refresh }: { userId: string; checkId: string; name: string; idNumber: string; refresh: boolean },
): Promise<AccountRealNameOutcome> {
  // NO KEY UPDATE: serialises these calls per user without blocking inserts that reference the user
  // (their foreign-key check takes KEY SHARE; the audit append must never wait for this lock).
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { realName: true, idNumberMasked: true, idNumberHash: true, realNameVerifiedAt: true } });
  if (!matchesVerifiedPerson(user, { name, idNumber })) return "other_person";
  if (user.realNameVerifiedAt && !refresh) {
    // Verified before the exact number was kept: the same person's pass keeps it now (later orders reuse it).
    if (!user.idNumberHash) await tx.user.update({ where: { id: userId }, data: { idNumberHash: idNumberHash(idNumber) } });
    return "unchanged";
  }

  const realName = name.trim();
  const idNumberMasked = maskIdNumber(idNumber.trim().toUpperCase());
  const others = await tx.user.findMany({
    where: { id: { not: userId }, realNameVerifiedAt: { not: null }, realName, idNumberMasked },
    select: { id: true },
    orderBy: { realNameVerifiedAt: "asc" },
    take: 20,
  });
  await tx.user.update({ where: { id: userId }, data: { realName, idNumberMasked, idNumberHash: idNumberHash(idNumber), realNameVerifiedAt: new Date() } });
  await writeAudit(tx, {
    actorId: userId,
    action: "user.real_name_verified",
    targetType: "user",
    targetId: userId,
    data: { identityCheckId: checkId, ...(others.length > 0 ? { sameIdentityOn: others.map((u) => u.id) } : {}) },
  });
  return user.realNameVerifiedAt ? "refreshed" : "recorded";
}
