import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { readDraft } from "@/lib/server/orders/order-draft.types";

/**
 * A UNIT order is submitted (or, for an order submitted before organizations existed, its enterprise
 * certificate is issued): the enterprise named in `Order.draft.enterprise` becomes the Organization row and
 * the order points at it. A new USCC creates the row (org.created). An existing organization is NOT
 * overwritten by a draft: its data change only through the change flow. A deleted one (its certificates
 * revoked) comes back with the draft's data (org.updated). Parallel submissions of one USCC create one row
 * (INSERT … ON CONFLICT DO NOTHING). Runs in the caller's transaction; returns the organization's id (an
 * order without an enterprise draft keeps the one it has), or null for an individual's order.
 */
export async function upsertOrganizationFromOrder(tx: Tx, { orderId, actorId }: { orderId: string; actorId: string | null }): Promise<string | null> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, subjectType: true, orgId: true, draft: true } });
  if (order.subjectType !== "UNIT") return null;
  const e = readDraft(order.draft).enterprise;
  // An order made inside an organization (a member's request) may name it without a draft of its own.
  if (!e) return order.orgId;
  const details = {
    name: e.name.trim(),
    legalRepName: e.legalRepName,
    legalRepIdType: e.legalRepIdType,
    legalRepIdNumber: e.legalRepIdNumber,
    legalRepPhone: e.legalRepPhone ?? null,
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
  if (order.orgId !== org.id) await tx.order.update({ where: { id: orderId }, data: { orgId: org.id } });
  return org.id;
}
