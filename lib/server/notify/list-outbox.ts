import { AppError } from "@/lib/errors";
import { isOutboxActive } from "@/lib/sms/get-sms-provider";
import { db } from "@/lib/server/db/client";

/**
 * The offline outbox: every SMS and email the desk sent while no real gateway is configured.
 * It exists only in that mode (NOT_FOUND otherwise), because it shows one-time codes.
 */
export async function listOutbox({ to, limit = 50 }: { to?: string; limit?: number }) {
  if (!isOutboxActive()) throw new AppError("not_found");
  return db.outboxMessage.findMany({
    where: to ? { to } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, channel: true, to: true, subject: true, body: true, template: true, provider: true, createdAt: true },
  });
}
