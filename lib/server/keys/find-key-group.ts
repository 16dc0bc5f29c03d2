import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";

/**
 * The key shares that share one PIN: the signing and encryption keys of one certificate order.
 * A wrong PIN on either counts for both, and a lock locks both. Someone else's share is NOT_FOUND.
 * A share recovered onto a new phone (an INSTALLED key recovery) has a PIN of its own and forms a
 * group alone: the lost phone's shares of the order can neither count against it nor lock it.
 */
export async function findKeyGroup({ userId, keyShareId }: { userId: string; keyShareId: string }, client: Db | Tx = db) {
  const share = await client.keyShare.findFirst({
    where: { id: keyShareId, userId },
    select: { id: true, certificates: { select: { orderId: true }, take: 1 }, recoveries: { where: { status: "INSTALLED" }, select: { id: true }, take: 1 } },
  });
  if (!share) throw new AppError("not_found");
  const orderId = share.certificates[0]?.orderId ?? null;
  if (!orderId || share.recoveries.length > 0) return { orderId, shareIds: [share.id] };
  const group = await client.keyShare.findMany({
    where: { userId, certificates: { some: { orderId } }, recoveries: { none: { status: "INSTALLED" } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return { orderId, shareIds: group.map((s) => s.id) };
}
