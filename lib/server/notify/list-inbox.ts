import { db } from "@/lib/db/client";

/** 消息: the caller's inbox, newest first, with the unread count for the tab badge. */
export async function listInbox({ userId, take = 50 }: { userId: string; take?: number }) {
  const [messages, unread] = await Promise.all([
    db.inboxMessage.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take }),
    db.inboxMessage.count({ where: { userId, readAt: null } }),
  ]);
  return { messages, unread };
}
