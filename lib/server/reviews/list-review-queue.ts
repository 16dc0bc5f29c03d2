import type { Prisma } from "@/lib/generated/prisma/client";
import { ReviewDecision } from "@/lib/generated/prisma/enums";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";
import { QUEUE_STATUSES, ZReviewQueueFilterSchema } from "./review.types";

const AGE_DAYS = { any: 0, "1d": 1, "3d": 3, "7d": 7 } as const;

/** The review queue: orders waiting for a reviewer, oldest submission first (first come, first served). */
export async function listReviewQueue({ user, filter, take = 100 }: { user: Pick<SessionUser, "id" | "role">; filter: unknown; take?: number }) {
  assertPermission(user, "orders.review");
  const f = ZReviewQueueFilterSchema.parse(filter ?? {});
  const days = AGE_DAYS[f.age ?? "any"];
  const where: Prisma.OrderWhereInput = {
    status: f.status ? f.status : { in: [...QUEUE_STATUSES] },
    // Desk revocations under review wait on the certificates page (待确认吊销), not in this queue.
    kind: { not: "REVOKE" },
    ...(f.type ? { subjectType: f.type } : {}),
    ...(f.channel ? { channel: { code: f.channel } } : {}),
    ...(days > 0 ? { submittedAt: { lte: new Date(Date.now() - days * 86_400_000) } } : {}),
  };
  const [orders, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take,
      select: {
        id: true,
        no: true,
        subjectType: true,
        subjectName: true,
        status: true,
        kind: true,
        offline: true,
        reviewRound: true,
        submittedAt: true,
        createdAt: true,
        channel: { select: { code: true, name: true, nameEn: true, requireTwoReviewers: true } },
        // Approvals already given this round (four-eyes: the first of two).
        reviews: { select: { reviewerId: true, round: true, decision: true } },
      },
    }),
    db.order.count({ where }),
  ]);
  const rows = orders.map(({ reviews, ...o }) => ({
    ...o,
    approvals: reviews.filter((r) => r.round === o.reviewRound && r.decision === ReviewDecision.APPROVE).length,
    isReviewedByMe: reviews.some((r) => r.round === o.reviewRound && r.reviewerId === user.id),
  }));
  return { orders: rows, total, filter: f };
}
