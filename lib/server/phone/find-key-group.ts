import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/server/db/client";

/**
 * The key shares that share one PIN: the signing and encryption keys of one certificate order.
 * A wrong PIN on either counts for both, and a lock locks both. Someone else's share is NOT_FOUND.
 */
export async function findKeyGroup({ userId, keyShareId }: { userId: string; keyShareId: string }, client: Db | Tx = db) {
  const share = await client.keyShare.findFirst({
    where: { id: keyShareId, userId },
    select: { id: true, certificates: { select: { orderId: true }, take: 1 } },
  });
  if (!share) throw new AppError("not_found");
  const orderId = share.certificates[0]?.orderId ?? null;
  if (!orderId) return { orderId, shareIds: [share.id] };
  const group = await client.keyShare.findMany({
    where: { userId, certificates: { some: { orderId } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return { orderId, shareIds: group.map((s) => s.id) };
}
