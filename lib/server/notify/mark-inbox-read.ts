import { db } from "@/lib/db/client";

/** Marks the caller's messages read (all of them, or one); others' messages are simply not matched. */
export async function markInboxRead({ userId, messageId }: { userId: string; messageId?: string }) {
  const { count } = await db.inboxMessage.updateMany({ where: { userId, readAt: null, ...(messageId ? { id: messageId } : {}) }, data: { readAt: new Date() } });
  return { count };
}
