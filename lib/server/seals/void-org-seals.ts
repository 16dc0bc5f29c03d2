import type { Tx } from "@/lib/db/client";
import { voidSealsWhere } from "./void-seals";

/** 删除企业: every live seal of the enterprise (bound or still awaiting its picture) is voided in the deletion's transaction. */
export async function voidOrgSeals(tx: Tx, { orgId, actorId, ip }: { orgId: string; actorId: string; ip?: string }): Promise<number> {
  return voidSealsWhere(tx, { orgId }, { reason: "org_deleted", actorId, ip, needsReapply: false });
}
