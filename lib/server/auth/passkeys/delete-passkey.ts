import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertMayManageFactors } from "../second-factor/assert-may-manage-factors";

/** Removes one of the caller's passkeys (staff: from a session that passed its second factor). */
export async function deletePasskey({ userId, sessionId, passkeyId, ip }: { userId: string; sessionId: string; passkeyId: string; ip: string }) {
  await assertMayManageFactors({ userId, sessionId });
  await db.$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId }, select: { id: true, name: true } });
    if (!passkey) throw new AppError("not_found");
    await tx.passkey.delete({ where: { id: passkey.id } });
    await writeAudit(tx, { actorId: userId, action: "passkey.delete", targetType: "passkey", targetId: passkey.id, data: { name: passkey.name }, ip });
  });
}
