import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/server/http/parse-input";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { consumeRateLimit, releaseHit } from "@/lib/server/security/rate-limit";
import { sealLegalRep } from "./enterprise-from-check";
import { ZStartEnterpriseVerification } from "./start-enterprise-verification.types";

/**
 * 仅认证企业（对公打款）, with no purchase: a CORP_DEPOSIT check of the enterprise's corporate account and no
 * order. When its memo code is confirmed, the payer becomes the organization's administrator if it has none,
 * else a member (finishIdentityCheck → onEnterpriseVerified). Billed like the wizard's checks (the
 * identity:user limits of startIdentityCheck). One open verification per user and USCC: an open one is
 * returned instead of paying out again; parallel starts are serialised by a short slot, and the one that
 * loses the race while the other is starting gets CONFLICT. A member already: CONFLICT. A USCC registered
 * under another name: the name is wrong.
 */
export async function startEnterpriseVerification({ userId, input }: { userId: string; input: unknown }) {
  const data = parseInput(ZStartEnterpriseVerification, input);
  const org = await db.organization.findUnique({ where: { uscc: data.uscc }, select: { id: true, name: true, deletedAt: true, members: { where: { userId, status: "ACTIVE" }, select: { role: true } } } });
  if (org && !org.deletedAt) {
    if (org.name.trim() !== data.name) throw new AppError("validation_failed", { fields: { name: ["orgMembers.verify.errors.nameMismatch"] } });
    if (org.members.length > 0) throw new AppError("conflict", { userMessage: "orgMembers.verify.errors.alreadyMember" });
  }
  const open = await findOpen(userId, data.uscc);
  if (open) return { checkId: open, isExisting: true };

  const slot = await consumeRateLimit(db, `org-verify:${userId}:${data.uscc}`, [{ seconds: 60, max: 1 }], undefined, {
    refuse: (wait) => new AppError("conflict", { userMessage: "orgMembers.verify.errors.busy", retryAfter: wait }),
  });
  try {
    // Another start may have finished between the first look and the slot.
    const again = await findOpen(userId, data.uscc);
    if (again) return { checkId: again, isExisting: true };
    const check = await startIdentityCheck({
      userId,
      method: "CORP_DEPOSIT",
      role: "ENTERPRISE",
      subject: { name: data.name, uscc: data.uscc, bankAccount: data.bankAccount, bankName: data.bankName, bankBranch: data.bankBranch },
    });
    // The caller learns the check's id only from this answer, so no code is confirmed before this is stored.
    const row = await db.identityCheck.findUniqueOrThrow({ where: { id: check.checkId }, select: { subject: true } });
    const legalRep = sealLegalRep(check.checkId, { legalRepName: data.legalRepName, legalRepIdType: data.legalRepIdType, legalRepIdNumber: data.legalRepIdNumber });
    await db.identityCheck.update({ where: { id: check.checkId }, data: { subject: { ...(row.subject as Record<string, string>), legalRep } } });
    return { checkId: check.checkId, isExisting: false };
  } finally {
    await releaseHit(db, slot.hitId);
  }
}

async function findOpen(userId: string, uscc: string): Promise<string | null> {
  const row = await db.identityCheck.findFirst({
    where: { userId, orderId: null, method: "CORP_DEPOSIT", role: "ENTERPRISE", status: "PENDING", expiresAt: { gt: new Date() }, subject: { path: ["uscc"], equals: uscc } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}
