import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

/** Channel names for the queue's filter (reviewers may not open the channel admin page). */
export async function listQueueChannels({ user }: { user: Pick<SessionUser, "role"> }) {
  assertPermission(user, "orders.review");
  return db.channel.findMany({ orderBy: { createdAt: "asc" }, select: { code: true, name: true, nameEn: true } });
}
