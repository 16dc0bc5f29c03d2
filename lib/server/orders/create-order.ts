import type { SubjectType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import { claimSubject } from "./claim-subject";
import { generateOrderNo } from "./generate-order-no";

/**
 * Opens a draft application. The subject (USCC / ID number) is usually known only at step 2, where
 * the wizard claims it; callers that know it up front (the trading platforms' API) pass it here and
 * the one-unfinished-order rule applies at once. `reuseEmptyDraft` (the desk's 开始办理): a draft of the
 * same type and channel that nothing was entered into yet is returned instead of a new one; under a
 * per-user advisory lock, so a burst of clicks opens one draft.
 */
export async function createOrder({
  userId,
  subjectType,
  channelCode,
  platformId,
  subject,
  ip,
  reuseEmptyDraft = false,
}: {
  userId: string;
  subjectType: SubjectType;
  channelCode?: string | null;
  platformId?: string | null;
  subject?: { key: string; name: string };
  ip?: string;
  reuseEmptyDraft?: boolean;
}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const channel = await resolveChannel(tx, { code: channelCode });
        if (reuseEmptyDraft && !subject && !platformId) {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`order-start:${userId}`}))`;
          const empty = await tx.order.findFirst({
            where: { userId, status: "DRAFT", kind: "NEW", subjectType, channelId: channel.id, platformId: null, orgId: null, step: "method", verificationMethod: null, subjectKey: null, draft: { equals: {} }, materials: { none: {} } },
            orderBy: { createdAt: "desc" },
          });
          if (empty) return empty;
        }
        const order = await tx.order.create({
          data: { no: generateOrderNo(), userId, channelId: channel.id, subjectType, platformId: platformId || null },
        });
        if (subject) await claimSubject(tx, { orderId: order.id, userId, subjectKey: subject.key, subjectName: subject.name });
        await tx.orderEvent.create({ data: { orderId: order.id, type: "created", toStatus: "DRAFT", actorId: userId } });
        await writeAudit(tx, { actorId: userId, action: "order.created", targetType: "Order", targetId: order.id, data: { no: order.no, subjectType }, ip });
        return order;
      });
    } catch (err) {
      // A clash of random order numbers (1 in a million a day): draw again.
      const isNoClash = (err as { code?: string }).code === "P2002" && JSON.stringify((err as { meta?: unknown }).meta ?? "").includes("no");
      if (!isNoClash || attempt >= 3) throw err;
    }
  }
}
