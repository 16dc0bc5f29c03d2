import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { isValidUscc } from "@/lib/validators/uscc";

/**
 * A user becomes the organization's LEGAL_REP (审核查看) when a real-name check of theirs passes for the
 * organization's legal representative: the three-element check (name, ID number, the caller's own phone)
 * with the enterprise's legalRepName + legalRepIdNumber, so only the person whose phone the carrier ties to
 * that identity passes. The caller names the enterprise by its USCC (as on the licence); a wrong one, a deleted
 * organization or an unknown id: NOT_FOUND. A user who already holds another role there: CONFLICT. A
 * verified user whose real name differs from the legal representative's is refused before any check.
 */
export async function verifyLegalRep({ userId, orgId, uscc }: { userId: string; orgId: string; uscc: string }) {
  const code = String(uscc ?? "").trim().toUpperCase();
  if (!isValidUscc(code)) throw new AppError("validation_failed", { fields: { uscc: ["wizard.errors.usccInvalid"] } });
  const org = await db.organization.findFirst({ where: { id: orgId, uscc: code, deletedAt: null }, select: { id: true, legalRepName: true, legalRepIdType: true, legalRepIdNumber: true } });
  if (!org) throw new AppError("not_found");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true, realName: true, realNameVerifiedAt: true } });
  if (user.realNameVerifiedAt && user.realName && user.realName.trim() !== org.legalRepName.trim()) {
    throw new AppError("forbidden", { userMessage: "orgRequests.errors.legalRepMismatch" });
  }
  const existing = await db.membership.findUnique({ where: { orgId_userId: { orgId, userId } } });
  if (existing?.status === "ACTIVE" && existing.role !== "LEGAL_REP") throw new AppError("conflict", { userMessage: "orgRequests.errors.alreadyMember" });
  if (existing?.status === "ACTIVE") return { role: "LEGAL_REP" as const, identityCheckId: null };

  const check = await startIdentityCheck({
    userId,
    method: "PHONE3",
    role: "LEGAL_REP",
    subject: { name: org.legalRepName, idType: org.legalRepIdType, idNumber: org.legalRepIdNumber, phone: user.phone },
  });
  if (check.status !== "PASSED") throw new AppError("forbidden", { userMessage: "orgRequests.errors.legalRepMismatch" });
  await db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } } });
    if (current?.status === "ACTIVE" && current.role !== "LEGAL_REP") throw new AppError("conflict", { userMessage: "orgRequests.errors.alreadyMember" });
    if (current) await tx.membership.update({ where: { id: current.id }, data: { role: "LEGAL_REP", status: "ACTIVE", removedAt: null } });
    else await tx.membership.create({ data: { orgId, userId, role: "LEGAL_REP" } });
    await writeAudit(tx, { actorId: userId, action: "org.legal_rep_verified", targetType: "organization", targetId: orgId, data: { userId, identityCheckId: check.checkId } });
  });
  return { role: "LEGAL_REP" as const, identityCheckId: check.checkId };
}
