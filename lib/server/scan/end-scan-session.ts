import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/** The holder ends a signing session; requests still waiting in it are then refused on the phone. */
export async function endScanSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  await db.$transaction(async (tx) => {
    const done = await tx.scanSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: new Date() } });
    if (done.count === 0) throw new AppError("not_found", { userMessage: "scan.errors.sessionNotFound" });
    await writeAudit(tx, { actorId: userId, action: "scan.session_end", targetType: "scanSession", targetId: sessionId });
  });
}
