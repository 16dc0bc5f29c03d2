import { db } from "@/lib/db/client";

/** The caller's passkeys, newest first (no key material). */
export async function listPasskeys({ userId }: { userId: string }) {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true, lastUsedAt: true },
  });
}
