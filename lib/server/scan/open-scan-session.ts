import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { SESSION_MINUTES } from "./phone-scan.types";

/**
 * 会话签章: opened by a PIN-confirmed sign request; further sign requests from the platform for the
 * certificate need no scan (each still gets one server half over a digest the server computes).
 * A session lasts 15, 30 or 60 minutes, nothing else.
 */
export async function openScanSession({ userId, platformId, certificateId, minutes, autoConfirm }: { userId: string; platformId: string; certificateId: string; minutes: number; autoConfirm: boolean }) {
  if (!(SESSION_MINUTES as readonly number[]).includes(minutes)) {
    throw new AppError("validation_failed", { userMessage: "scanner.errors.sessionMinutes", fields: { minutes: ["scanner.errors.sessionMinutes"] } });
  }
  return db.$transaction(async (tx) => {
    const session = await tx.scanSession.create({
      data: { userId, platformId, certificateId, autoConfirm, expiresAt: new Date(Date.now() + minutes * 60_000) },
    });
    await writeAudit(tx, { actorId: userId, action: "scan.session_open", targetType: "scanSession", targetId: session.id, data: { platformId, certificateId, minutes, autoConfirm } });
    return session;
  });
}
