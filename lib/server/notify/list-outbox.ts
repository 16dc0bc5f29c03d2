import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { hasPermission } from "@/lib/server/auth/permissions";
import { outboxAccess, outboxChannels } from "@/lib/sms/outbox-access";
import { db } from "@/lib/db/client";

/**
 * The outbox: the messages the desk sent without a real gateway. In demo mode anyone reads all of
 * it (that is how a newcomer logs in). Outside demo mode only a viewer with `outbox.read` reads it,
 * and only the channels that still go to the outbox (email without SMTP), so codes texted in an
 * earlier demo stay hidden; anyone else, or a desk with no outbox, gets NOT_FOUND.
 */
export async function listOutbox({ to, limit = 50, viewer }: { to?: string; limit?: number; viewer: { role: Role } | null }) {
  const access = outboxAccess();
  if (access === "none") throw new AppError("not_found");
  if (access === "permission" && !(viewer && hasPermission(viewer.role, "outbox.read"))) throw new AppError("not_found");
  const channels = access === "public" ? undefined : outboxChannels();
  return db.outboxMessage.findMany({
    where: { ...(to ? { to } : {}), ...(channels ? { channel: { in: channels } } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, channel: true, to: true, subject: true, body: true, template: true, provider: true, createdAt: true },
  });
}
