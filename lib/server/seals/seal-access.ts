import { AppError } from "@/lib/errors";
import type { Db, Tx } from "@/lib/db/client";
import { requireMember } from "@/lib/server/org/require-member";
import type { OrgPermission } from "@/lib/server/org/org-permissions";

/**
 * The seal if the caller may act on it: an enterprise seal needs the org permission (`seals.manage` to
 * change, `org.view` to read), a personal one must be the caller's. NOT_FOUND otherwise.
 */
export async function sealForCaller(client: Db | Tx, { userId, sealId, orgPermission }: { userId: string; sealId: string; orgPermission: OrgPermission }) {
  const seal = await client.seal.findUnique({ where: { id: sealId } });
  if (!seal) throw new AppError("not_found");
  if (seal.orgId) await requireMember({ userId, orgId: seal.orgId, permission: orgPermission }, client);
  else if (seal.userId !== userId) throw new AppError("not_found");
  if (seal.status === "DELETED") throw new AppError("not_found");
  return seal;
}
