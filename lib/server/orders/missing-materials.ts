import type { MaterialKind, Order } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db/client";
import { readDraft } from "./order-draft.types";
import { changeMaterialsOfOrder } from "./change-materials";
import { isReviewedRenewal } from "./renew-draft";

/**
 * What the materials step still lacks. A handler who is not the legal representative needs the
 * legal rep's authorization: an uploaded stamped letter, or a letter signed through the SMS link.
 */
export async function missingMaterials(order: Pick<Order, "id" | "subjectType" | "draft"> & { kind?: Order["kind"] }, client: Db | Tx = db): Promise<Array<MaterialKind>> {
  // A renewal's materials are those of the certificate it renews, unless its channel asks for them again
  // (Channel.renewalNeedsMaterials, fixed in the draft at opening): then those of a new application.
  if (order.kind === "RENEW" && !isReviewedRenewal(order)) return [];
  const rows = await client.material.findMany({ where: { orderId: order.id, replacedAt: null }, select: { kind: true } });
  const have = new Set(rows.map((r) => r.kind));
  // A change asks for what its channel configures (e.g. 营业执照 and 变更通知书; docs/lifecycle.md).
  if (order.kind === "CHANGE") return (await changeMaterialsOfOrder(client, order.id)).filter((k) => !have.has(k));
  const needed: MaterialKind[] = order.subjectType === "UNIT" ? ["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK"] : ["ID_FRONT", "ID_BACK"];
  const missing = needed.filter((k) => !have.has(k));
  const draft = readDraft(order.draft);
  if (order.subjectType === "UNIT" && draft.handler && !draft.handler.isLegalRep && !have.has("AUTHORIZATION_LETTER")) {
    const signed = await client.legalRepAuthorization.findFirst({ where: { orderId: order.id, status: "SIGNED" }, select: { id: true } });
    if (!signed) missing.push("AUTHORIZATION_LETTER");
  }
  return missing;
}
