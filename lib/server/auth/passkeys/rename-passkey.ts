import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/** Renames one of the caller's passkeys; another user's is NOT_FOUND. */
export async function renamePasskey({ userId, passkeyId, name, ip }: { userId: string; passkeyId: string; name: string; ip: string }) {
  await db.$transaction(async (tx) => {
    const updated = await tx.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } });
    if (updated.count !== 1) throw new AppError("not_found");
    await writeAudit(tx, { actorId: userId, action: "passkey.rename", targetType: "passkey", targetId: passkeyId, data: { name }, ip });
  });
}
