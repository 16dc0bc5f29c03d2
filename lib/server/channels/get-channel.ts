import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

export async function getChannel({ user, channelId }: { user: Pick<SessionUser, "role">; channelId: string }) {
  assertPermission(user, "channels.manage");
  const channel = await db.channel.findUnique({ where: { id: channelId }, include: { prices: { orderBy: [{ product: "asc" }, { years: "asc" }] } } });
  if (!channel) throw new AppError("not_found");
  return channel;
}
