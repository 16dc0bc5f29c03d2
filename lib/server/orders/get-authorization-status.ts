import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { getOrderForUser } from "./get-order-for-user";

/** The desk polls this while the legal representative signs on their phone. */
export async function getAuthorizationStatus({ userId, orderId }: { userId: string; orderId: string }) {
  await getOrderForUser({ userId, orderId });
  const auth = await db.legalRepAuthorization.findFirst({ where: { orderId }, orderBy: { createdAt: "desc" } });
  if (!auth) return null;
  const status = auth.status === "SENT" && auth.expiresAt <= new Date() ? "EXPIRED" : auth.status;
  return { id: auth.id, status, phone: maskPhone(auth.phone), expiresAt: auth.expiresAt.toISOString(), signedAt: auth.signedAt?.toISOString() ?? null };
}
