import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { ZScanFailSchema } from "./phone-scan.types";
import { findScannedRequest } from "./find-scanned-request";
import { readScanGate } from "./scan-gate";
import { queueScanWebhook } from "./queue-scan-webhook";

/**
 * The phone ran the joint decryption for a decrypt request and the ciphertext did not open with the
 * certificate's key (encrypted to another key, or damaged): the request ends FAILED with failReason
 * decrypt_failed at once, instead of waiting for its expiry. Accepted only after this request's
 * PIN-checked decryption half for the same certificate (so a failure is never reported for a
 * decryption that did not run), once (a conditional update from SCANNED), with its audit row and the
 * platform's webhook in the same transaction.
 */
export async function failScanRequest({ userId, id, input }: { userId: string; id: string; input: unknown }) {
  const { certificateId, reason } = ZScanFailSchema.parse(input);
  const { row, certificate } = await findScannedRequest({ userId, id, certificateId, types: ["DECRYPT"] });
  const gate = readScanGate(row.result);
  if (!gate?.decrypted || gate.certificateId !== certificateId) throw new AppError("forbidden", { userMessage: "scanner.errors.notDecrypted" });
  await db.$transaction(async (tx) => {
    const done = await tx.scanRequest.updateMany({
      where: { id, userId, status: "SCANNED" },
      data: { status: "FAILED", failReason: reason, certificateId, result: { failed: reason }, completedAt: new Date() },
    });
    if (done.count === 0) throw new AppError("conflict", { userMessage: "scan.errors.used" });
    await writeAudit(tx, { actorId: userId, action: "scan.failed", targetType: "scanRequest", targetId: id, data: { platformId: row.platformId, serial: certificate.serialHex, reason } });
    await queueScanWebhook(tx, { scanRequestId: id });
  });
  wakeWorker();
  return { id, status: "failed" as const, failReason: reason };
}
