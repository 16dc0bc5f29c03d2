import { AppError } from "@/lib/errors";
import type { Db, Tx } from "@/lib/db/client";

/**
 * The channel an application is made through: the one named (a trading platform's link carries
 * `?channel=`), else the oldest active channel, which is the desk's own.
 */
export async function resolveChannel(client: Db | Tx, { code }: { code?: string | null } = {}) {
  const channel = code
    ? await client.channel.findFirst({ where: { code, active: true } })
    : await client.channel.findFirst({ where: { active: true }, orderBy: { createdAt: "asc" } });
  if (!channel) throw new AppError("not_found", { userMessage: "orders.errors.noChannel" });
  return channel;
}
