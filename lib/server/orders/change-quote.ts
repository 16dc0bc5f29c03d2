import type { Db, Tx } from "@/lib/db/client";

/**
 * 证书变更's price: the channel's change price (integer fen, 0 = free), or 0 for a subject on the
 * channel's free list. Read only from the channel, never from the client.
 */
export async function changeQuote(client: Db | Tx, { channelId, subjectKey }: { channelId: string; subjectKey: string | null }): Promise<{ totalFen: number; isFree: boolean }> {
  const channel = await client.channel.findUniqueOrThrow({ where: { id: channelId }, select: { changePriceFen: true } });
  const isListedFree = subjectKey ? Boolean(await client.freeSubject.findUnique({ where: { channelId_subjectKey: { channelId, subjectKey } } })) : false;
  const totalFen = isListedFree ? 0 : channel.changePriceFen;
  return { totalFen, isFree: totalFen === 0 };
}
