import type { Db, Tx } from "@/lib/db/client";
import { readReissueDraft } from "./reissue-draft";

/** The REISSUE order whose key recovery this is, or null (a plain 恢复到本机 request). */
export async function findReissueOfRecovery(client: Db | Tx, recoveryId: string) {
  const order = await client.order.findFirst({ where: { kind: "REISSUE", draft: { path: ["reissue", "recoveryId"], equals: recoveryId } }, select: { id: true, status: true, draft: true } });
  return order && { id: order.id, status: order.status, reissue: readReissueDraft(order.draft).reissue! };
}
