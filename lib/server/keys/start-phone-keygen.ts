import { AppError } from "@/lib/errors";
import { createKeyShare } from "@/lib/server/keys/create-key-share";
import { db } from "@/lib/db/client";
import { escrowKey } from "@/lib/server/escrow/escrow-key";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { ZKeygenInputSchema } from "@/lib/server/keys/keys.types";

/**
 * One of the two key generations of a certificate download (signing key, then encryption key):
 * only for the caller's own APPROVED order. The share is not bound to the order until the
 * certificates are issued; an abandoned download leaves an unused share that can never sign
 * (it has no PIN and no certificate). The encryption key's answer also names the key-management
 * key its phone share is to be escrowed to.
 */
export async function startPhoneKeygen({ userId, input }: { userId: string; input: unknown }) {
  const { orderId, usage, request } = ZKeygenInputSchema.parse(input);
  const order = await db.order.findFirst({ where: { id: orderId, userId }, select: { status: true } });
  if (!order) throw new AppError("not_found");
  if (order.status !== "APPROVED") throw new AppError("conflict", { userMessage: "phone.errors.notDownloadable" });
  // Each attempt stores a share: a looping client must not fill the table.
  await consumeRateLimit(db, `keygen:user:${userId}`, [{ seconds: 3600, max: 20 }]);
  const created = await createKeyShare({ userId, request });
  // The encryption key's phone share is escrowed at download: the phone needs the KMK to do it.
  return usage === "ENCRYPT" ? { ...created, escrowKey: escrowKey() } : created;
}
