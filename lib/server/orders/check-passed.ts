import type { Db, Tx } from "@/lib/db/client";

/** Whether the identity check `checkId` of this order has passed (read from the row the identity domain keeps). */
export async function checkPassed(client: Db | Tx, { orderId, checkId }: { orderId: string; checkId: string | undefined }) {
  if (!checkId) return false;
  const check = await client.identityCheck.findFirst({ where: { id: checkId, orderId }, select: { status: true } });
  return check?.status === "PASSED";
}
