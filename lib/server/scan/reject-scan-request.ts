import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { queueScanWebhook } from "./queue-scan-webhook";

/** The holder declined on the phone; the platform learns it through status and webhook. */
export async function rejectScanRequest({ userId, id }: { userId: string; id: string }) {
  await db.$transaction(async (tx) => {
    const done = await tx.scanRequest.updateMany({
      where: { id, userId, status: "SCANNED" },
      data: { status: "REJECTED", completedAt: new Date(), failReason: "declined_by_user" },
    });
    if (done.count === 0) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
    await writeAudit(tx, { actorId: userId, action: "scan.reject", targetType: "scanRequest", targetId: id });
    await queueScanWebhook(tx, { scanRequestId: id });
  });
  wakeWorker();
}
