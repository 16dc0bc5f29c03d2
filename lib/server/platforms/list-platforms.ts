import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

/** Trading platforms (secret columns stay omitted by the client's default). */
export async function listPlatforms({ user }: { user: Pick<SessionUser, "role"> }) {
  assertPermission(user, "platforms.manage");
  return db.tradingPlatform.findMany({ where: { isDesk: false }, orderBy: { createdAt: "asc" }, include: { _count: { select: { orders: true } } } });
}
