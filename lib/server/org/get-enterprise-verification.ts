import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { getIdentityCheck } from "@/lib/server/identity/get-identity-check";

/**
 * A verification alone (仅认证企业) as its page shows it: the check (the deposit-code form while pending) and,
 * once passed, the organization and the role it gave the caller. Only the user who started it sees it;
 * any other check (an order's, someone else's) is NOT_FOUND.
 */
export async function getEnterpriseVerification({ userId, checkId }: { userId: string; checkId: string }) {
  const row = await db.identityCheck.findFirst({ where: { id: checkId, userId, orderId: null, method: "CORP_DEPOSIT", role: "ENTERPRISE" }, select: { subject: true } });
  if (!row) throw new AppError("not_found");
  const view = await getIdentityCheck({ userId, checkId });
  const { name, uscc } = (row.subject ?? {}) as Record<string, string>;
  const enterprise = { name: name ?? "", uscc: uscc ?? "" };
  // The evidence shown is the masked account; the sealed legal representative never leaves the server.
  const check = { ...view, subject: Object.fromEntries(Object.entries(view.subject).filter(([k]) => k !== "legalRep")) };
  if (view.status !== "PASSED") return { check, enterprise, result: null };
  const membership = await db.membership.findFirst({
    where: { userId, status: "ACTIVE", org: { uscc: enterprise.uscc, deletedAt: null } },
    select: { role: true, org: { select: { id: true, name: true } } },
  });
  return { check, enterprise, result: membership ? { orgId: membership.org.id, orgName: membership.org.name, role: membership.role } : null };
}
