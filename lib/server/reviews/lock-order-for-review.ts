import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";

type Locked = { id: string; kind: string; status: OrderStatus; reviewRound: number; userId: string; requireTwoReviewers: boolean };

/**
 * Takes the order's row lock for a review decision and checks the reviewer may decide now.
 * Two reviewers acting at once queue on this lock; the second then sees the first one's outcome
 * (status no longer reviewable, or their own review already recorded) and gets CONFLICT, so one
 * order never ends up both approved and rejected.
 */
export async function lockOrderForReview(
  tx: Tx,
  { orderId, reviewerId, statuses }: { orderId: string; reviewerId: string; statuses: readonly OrderStatus[] },
): Promise<Locked> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT o.id, o.kind::text AS kind, o.status, o."reviewRound", o."userId", c."requireTwoReviewers"
    FROM "Order" o JOIN "Channel" c ON c.id = o."channelId"
    WHERE o.id = ${orderId}
    FOR UPDATE OF o`;
  const order = rows[0];
  if (!order) throw new AppError("not_found");
  // Nobody reviews their own application, whatever their role.
  if (order.userId === reviewerId) throw new AppError("forbidden", { userMessage: "review.errors.ownOrder" });
  // A desk revocation under review is decided on the certificate's page (its RevocationRequest), not here.
  if (!statuses.includes(order.status) || order.kind === "REVOKE") throw new AppError("conflict", { userMessage: "review.errors.notReviewable" });
  const mine = await tx.review.findUnique({
    where: { orderId_round_reviewerId: { orderId, round: order.reviewRound, reviewerId } },
    select: { id: true },
  });
  if (mine) throw new AppError("conflict", { userMessage: "review.errors.alreadyReviewed" });
  return order;
}
