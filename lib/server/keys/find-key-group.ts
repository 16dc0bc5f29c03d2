import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";

/**
 * The key shares that share one PIN: the signing and encryption keys of one certificate order.
 * A wrong PIN on either counts for both, and a lock locks both. Someone else's share is NOT_FOUND.
 * A share recovered onto a new phone (an INSTALLED key recovery) has a PIN of its own and forms a
 * group alone: the lost phone's shares of the order can neither count against it nor lock it.
 */
export async function findKeyGroup({ userId, keyShareId }: { userId: string; keyShareId: string }, client: Db | Tx = db) {
  // One statement (it runs before every PIN check): the share, the order of its first certificate,
  // whether it was recovered onto a new phone, and the order's other unrecovered shares of this user.
  const rows = await client.$queryRaw<Array<{ id: string; publicKey: string; orderId: string | null; recovered: boolean; group: string[] | null }>>`
    WITH me AS (
      SELECT s.id, s."publicKey",
        (SELECT c."orderId" FROM "Certificate" c WHERE c."keyShareId" = s.id ORDER BY c.id LIMIT 1) AS "orderId",
        EXISTS (SELECT 1 FROM "KeyRecovery" r WHERE r."keyShareId" = s.id AND r.status = 'INSTALLED') AS recovered
      FROM "KeyShare" s WHERE s.id = ${keyShareId} AND s."userId" = ${userId}
    )
    SELECT me.id, me."publicKey", me."orderId", me.recovered,
      (SELECT array_agg(g.id ORDER BY g.id) FROM "KeyShare" g
        WHERE me."orderId" IS NOT NULL AND NOT me.recovered AND g."userId" = ${userId}
          AND EXISTS (SELECT 1 FROM "Certificate" c WHERE c."keyShareId" = g.id AND c."orderId" = me."orderId")
          AND NOT EXISTS (SELECT 1 FROM "KeyRecovery" r WHERE r."keyShareId" = g.id AND r.status = 'INSTALLED')) AS "group"
    FROM me`;
  const share = rows[0];
  if (!share) throw new AppError("not_found");
  const orderId = share.orderId ?? null;
  // The share's joint public key comes along: the PIN-checked sign needs it for its digest check.
  if (!orderId || share.recovered) return { orderId, shareIds: [share.id], publicKey: share.publicKey };
  return { orderId, shareIds: share.group ?? [], publicKey: share.publicKey };
}
