import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { verifyScanResult } from "./verify-scan-result";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { queueScanWebhook } from "./queue-scan-webhook";
import { sealScanPlaintext } from "./scan-plaintext";
import { encryptResultForPlatform } from "./encrypt-result-for-platform";
import { assertScanAuthorized } from "./assert-scan-authorized";
import type { ScannedRequest } from "./find-scanned-request";
import { findScanRequestWithPlatform, type ScanPlatformFacts } from "./find-scan-request-with-platform";
import { caCertificateDer } from "@/lib/server/ca/ca-certificate-der";
import type { ScanRequest } from "@/lib/generated/prisma/client";

/**
 * The phone finished the joint operation for a request it scanned. The result is verified, the
 * request completes exactly once (a conditional update), and the platform's webhook is queued
 * in the same transaction. An enterprise certificate must still be authorized for the platform.
 * `scanned`: the request, its platform's facts and the certificate as the caller has just read and
 * checked them (findScannedRequest withPlatform), so they are not read again; the conditional
 * update is what decides.
 */
export async function completeScanRequest({
  userId,
  id,
  certificateId,
  result,
  scanned,
}: {
  userId: string;
  id: string;
  certificateId: string;
  result: Record<string, unknown>;
  scanned?: { row: ScanRequest; platform: ScanPlatformFacts; certificate: ScannedRequest["certificate"] };
}) {
  const { row, platform, cert } = scanned ? { ...scanned, cert: scanned.certificate } : await readScanned({ userId, id, certificateId });

  const verified = await verifyScanResult({
    type: row.type,
    payload: row.payload as Record<string, unknown>,
    certificate: cert,
    issuerDer: await caCertificateDer(cert.caId),
    result,
  });
  // A decrypt's key: encrypted to the platform's resultEncryptionKey if it gave one, else sealed at rest.
  const stored = row.type === "DECRYPT" ? sealScanPlaintext(id, encryptResultForPlatform(row.payload as Record<string, unknown>, verified as { plaintext: string })) : verified;
  await db.$transaction(async (tx) => {
    const [done] = await tx.scanRequest.updateManyAndReturn({
      where: { id, userId, status: "SCANNED" },
      data: { status: "COMPLETED", certificateId, result: stored, completedAt: new Date() },
    });
    if (!done) throw new AppError("conflict", { userMessage: "scan.errors.used" });
    // The desk's own scan-to-sign (an enterprise letter): no platform to tell, the letter takes effect.
    if (platform.isDesk) await enqueueJob(tx, { type: "org.apply_signature", payload: { scanRequestId: id } });
    else await queueScanWebhook(tx, { row: done, webhookUrl: platform.webhookUrl });
    await writeAudit(tx, {
      actorId: userId,
      action: `scan.${row.type.toLowerCase() as Lowercase<typeof row.type>}`,
      targetType: "scanRequest",
      targetId: id,
      data: { platformId: row.platformId, serial: cert.serialHex, ...(typeof result.sealId === "string" ? { sealId: result.sealId } : {}) },
    });
  });
  wakeWorker();
  return { id, status: "completed" as const };
}

/** The request and certificate read here, for a caller that has not read them (the checks findScannedRequest makes, without the gate). */
async function readScanned({ userId, id, certificateId }: { userId: string; id: string; certificateId: string }) {
  const found = await findScanRequestWithPlatform({ id, userId });
  if (!found) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
  const { row, platform } = found;
  // Expired first: a request the expiry job already marked EXPIRED is gone, not "used".
  if (row.expiresAt <= new Date() && (row.status === "SCANNED" || row.status === "EXPIRED")) throw new AppError("gone", { userMessage: "scan.errors.expired" });
  if (row.status !== "SCANNED") throw new AppError("conflict", { userMessage: "scan.errors.used" });
  const usage = row.type === "DECRYPT" ? "ENCRYPT" : "SIGN";
  const cert = await db.certificate.findFirst({ where: { id: certificateId, userId, usage, status: "VALID" } });
  if (!cert) throw new AppError("not_found", { userMessage: "scan.errors.noCertificate" });
  await assertScanAuthorized({ userId, row, certificate: cert });
  return { row, platform, cert };
}
