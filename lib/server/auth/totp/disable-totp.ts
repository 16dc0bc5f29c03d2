import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertMayManageFactors } from "../second-factor/assert-may-manage-factors";

/** Turns TOTP off (staff: from a session that passed its second factor). */
export async function disableTotp({ userId, sessionId, ip }: { userId: string; sessionId: string; ip: string }) {
  await assertMayManageFactors({ userId, sessionId });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null } });
    await writeAudit(tx, { actorId: userId, action: "totp.disable", targetType: "user", targetId: userId, data: {}, ip });
  });
}
