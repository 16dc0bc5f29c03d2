import type { IdType } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

export type EnterpriseDetails = {
  name: string;
  uscc: string;
  legalRepName: string;
  legalRepIdType: IdType;
  legalRepIdNumber: string;
  legalRepPhone?: string | null;
  address?: string | null;
};

/**
 * The Organization row for an enterprise someone verified or ordered for (an order's draft, a 对公打款
 * verification). A new USCC creates the row (org.created). An existing organization is NOT overwritten:
 * its data change only through the change flow. A deleted one (its certificates revoked) comes back with
 * these details (org.updated). Parallel calls for one USCC create one row (INSERT … ON CONFLICT DO NOTHING).
 * Runs in the caller's transaction; returns the organization's id.
 */
export async function upsertOrganization(tx: Tx, { enterprise: e, actorId, orderId = null }: { enterprise: EnterpriseDetails; actorId: string | null; orderId?: string | null }): Promise<string> {
  const details = {
    name: e.name.trim(),
    legalRepName: e.legalRepName,
    legalRepIdType: e.legalRepIdType,
    legalRepIdNumber: e.legalRepIdNumber,
    legalRepPhone: e.legalRepPhone ?? null,
    ...(e.address ? { address: e.address } : {}),
  };
  const { count } = await tx.organization.createMany({ data: [{ uscc: e.uscc, ...details }], skipDuplicates: true });
  const org = await tx.organization.findUniqueOrThrow({ where: { uscc: e.uscc }, select: { id: true, deletedAt: true } });
  if (count === 1) {
    await writeAudit(tx, { actorId, action: "org.created", targetType: "organization", targetId: org.id, data: { uscc: e.uscc, name: details.name, orderId } });
  } else if (org.deletedAt) {
    const { count: restored } = await tx.organization.updateMany({ where: { id: org.id, deletedAt: { not: null } }, data: { ...details, deletedAt: null, verifiedAt: null } });
    if (restored === 1) {
      await writeAudit(tx, { actorId, action: "org.updated", targetType: "organization", targetId: org.id, data: { fields: ["deletedAt", ...Object.keys(details)] } });
    }
  }
  return org.id;
}
