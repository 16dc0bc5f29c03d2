import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { ZApproveOrderSchema } from "./review.types";

/** A mail-in order's paper arrived: it joins the review queue (transitionOrder refuses any other status). */
export async function receivePaper({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "orders.review");
  const { orderId } = ZApproveOrderSchema.parse(input);
  await db.$transaction((tx) => transitionOrder(tx, { orderId, to: "IN_REVIEW", actorId: user.id, type: "paper_received", ip }));
  return { outcome: "IN_REVIEW" as const };
}
