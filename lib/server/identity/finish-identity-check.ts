import type { IdentityFailReason } from "@/lib/identity/identity-provider";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { enterpriseFromCheck } from "@/lib/server/org/enterprise-from-check";
import { onEnterpriseVerified } from "@/lib/server/org/on-enterprise-verified";
import { settleBankCard } from "./record-bank-card";

/**
 * PENDING → PASSED / FAILED with its audit row, in the caller's transaction. Conditional on the
 * row still being PENDING, so two racing completions (a double tap on the face page, a code typed in
 * two tabs) record one outcome; returns false for the loser. A pass that verifies an enterprise (对公打款,
 * the unit wizard's legal-rep check) makes its user the organization's administrator or a member, in the
 * same transaction (onEnterpriseVerified); the bank card the check used is verified or dropped (银行卡管理).
 */
export async function finishIdentityCheck(
  tx: Tx,
  { checkId, ok, reason, providerRef, actorId = null }: { checkId: string; ok: boolean; reason?: IdentityFailReason; providerRef?: string; actorId?: string | null },
): Promise<boolean> {
  const { count } = await tx.identityCheck.updateMany({
    where: { id: checkId, status: "PENDING" },
    data: {
      status: ok ? "PASSED" : "FAILED",
      failReason: ok ? null : (reason ?? null),
      completedAt: new Date(),
      ...(providerRef ? { providerRef } : {}),
    },
  });
  if (count === 0) return false;
  await writeAudit(tx, {
    actorId,
    action: ok ? "identity.check_passed" : "identity.check_failed",
    targetType: "IdentityCheck",
    targetId: checkId,
    data: ok ? {} : { reason: reason ?? null },
  });
  const { method } = await tx.identityCheck.findUniqueOrThrow({ where: { id: checkId }, select: { method: true } });
  await settleBankCard(tx, { checkId, ok, method });
  const verified = ok ? await enterpriseFromCheck(tx, { checkId }) : null;
  if (verified) await onEnterpriseVerified(tx, verified);
  return true;
}
