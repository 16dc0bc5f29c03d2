import { db } from "@/lib/db/client";

/** The caller's most recent key recovery of one key share (for the phone's 恢复到本机 page), or null. */
export async function latestKeyRecovery({ userId, keyShareId }: { userId: string; keyShareId: string }) {
  return db.keyRecovery.findFirst({
    where: { userId, keyShareId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, reason: true },
  });
}
