import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

/** Every channel with its price list and how many orders it carries. */
export async function listChannels({ user }: { user: Pick<SessionUser, "role"> }) {
  assertPermission(user, "channels.manage");
  return db.channel.findMany({
    orderBy: { createdAt: "asc" },
    include: { prices: { orderBy: [{ product: "asc" }, { years: "asc" }] }, _count: { select: { orders: true } } },
  });
}
