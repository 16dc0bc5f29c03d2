import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertMayManageFactors } from "../second-factor/assert-may-manage-factors";
import { markSecondFactor } from "../second-factor/mark-second-factor";
import { checkTotpCode } from "./check-totp-code";

/** The first code from the app enables the pending secret; the session has then passed its second factor. */
export async function confirmTotpSetup({ userId, sessionId, code, ip }: { userId: string; sessionId: string; code: string; ip: string }) {
  await assertMayManageFactors({ userId, sessionId });
  await checkTotpCode({ userId, code, pending: true, ip, sessionId });
  await db.$transaction(async (tx) => {
    await writeAudit(tx, { actorId: userId, action: "totp.enable", targetType: "user", targetId: userId, data: {}, ip });
    const session = await tx.session.findUnique({ where: { id: sessionId }, select: { secondFactorAt: true } });
    if (!session?.secondFactorAt) await markSecondFactor(tx, { userId, sessionId, method: "totp", ip, data: { enrolled: true } });
  });
  return { ok: true as const };
}
