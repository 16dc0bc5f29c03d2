import { db } from "@/lib/server/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/** 会话签章: opened by a PIN-confirmed sign request; further sign requests from the platform for the certificate need no scan. */
export async function openScanSession({ userId, platformId, certificateId, minutes, autoConfirm }: { userId: string; platformId: string; certificateId: string; minutes: number; autoConfirm: boolean }) {
  return db.$transaction(async (tx) => {
    const session = await tx.scanSession.create({
      data: { userId, platformId, certificateId, autoConfirm, expiresAt: new Date(Date.now() + minutes * 60_000) },
    });
    await writeAudit(tx, { actorId: userId, action: "scan.session_open", targetType: "scanSession", targetId: session.id, data: { platformId, certificateId, minutes, autoConfirm } });
    return session;
  });
}
