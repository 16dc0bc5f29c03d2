import type { Tx } from "@/lib/db/client";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { upsertOrganization } from "./upsert-organization";

/**
 * A UNIT order is submitted (or, for an order submitted before organizations existed, its enterprise
 * certificate is issued): the enterprise named in `Order.draft.enterprise` becomes the Organization row and
 * the order points at it (upsertOrganization: created if new, never overwritten, a deleted one restored).
 * Runs in the caller's transaction; returns the organization's id (an order without an enterprise draft
 * keeps the one it has), or null for an individual's order.
 */
export async function upsertOrganizationFromOrder(tx: Tx, { orderId, actorId }: { orderId: string; actorId: string | null }): Promise<string | null> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, subjectType: true, orgId: true, draft: true } });
  if (order.subjectType !== "UNIT") return null;
  const e = readDraft(order.draft).enterprise;
  // An order made inside an organization (a member's request) may name it without a draft of its own.
  if (!e) return order.orgId;
  const orgId = await upsertOrganization(tx, { enterprise: e, actorId, orderId });
  if (order.orgId !== orgId) await tx.order.update({ where: { id: orderId }, data: { orgId } });
  return orgId;
}
