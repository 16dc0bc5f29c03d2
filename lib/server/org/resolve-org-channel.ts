import type { Db, Tx } from "@/lib/db/client";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";

/**
 * The channel an enterprise's member requests and orders go through: the one its first order (the claim)
 * came through, as the wizard chose it (?channel= or the desk's own); an enterprise without orders gets the
 * desk's default channel. Its requireLegalRepApproval decides the legal person's stage.
 */
export async function resolveOrgChannel(client: Db | Tx, { orgId }: { orgId: string }) {
  const first = await client.order.findFirst({ where: { orgId, channel: { active: true } }, orderBy: { createdAt: "asc" }, select: { channel: true } });
  return first?.channel ?? resolveChannel(client);
}
