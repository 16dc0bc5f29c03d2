import { db } from "@/lib/db/client";

/** The seal an order paid for (同时办理电子印章), for the order's detail page: its status and where to upload. */
export async function findOrderSeal({ userId, orderId }: { userId: string; orderId: string }) {
  const seal = await db.seal.findFirst({
    where: { orderId, order: { userId }, status: { not: "DELETED" } },
    select: { id: true, status: true, orgId: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  return seal ? { ...seal, href: seal.orgId ? `/org/${seal.orgId}/seals` : "/seals" } : null;
}
