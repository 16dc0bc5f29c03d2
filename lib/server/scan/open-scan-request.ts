import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { platformAuthorizationFor, type TPlatformRefusalReason } from "@/lib/server/org/check-platform-authorization";
import { queueScanWebhook } from "./queue-scan-webhook";
import { refuseScanRequest } from "./refuse-scan-request";
import { refusalOf } from "./assert-scan-authorized";
import { scanTokenHash } from "./scan-token";
import { SCAN_TYPE_FROM_DB } from "./scan.types";
import { findScanRequestWithPlatform } from "./find-scan-request-with-platform";

/**
 * The phone scanned a QR: binds the request to this user (nobody else can complete it after
 * that) and returns what the confirmation screen shows. Used once; an expired QR is GONE.
 * Each eligible certificate is marked authorized for the platform or not (an enterprise
 * certificate needs the organization's authorization); when the user has certificates but none
 * may be used here, the request is refused at once (REJECTED with the reason, told to the
 * platform) and the phone shows the refusal.
 */
export async function openScanRequest({ userId, token }: { userId: string; token: string }) {
  const found = await findScanRequestWithPlatform({ tokenHash: scanTokenHash(token) });
  if (!found) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
  const { row, platform } = found;
  if (row.expiresAt <= new Date()) throw new AppError("gone", { userMessage: "scan.errors.expired" });
  const usage = row.type === "DECRYPT" ? "ENCRYPT" : "SIGN";
  // The key share and DER too (what the phone signs with), so openScanForPhone need not read them again.
  const eligible = await db.certificate.findMany({
    where: { userId, usage, status: "VALID", notAfter: { gt: new Date() } },
    select: { id: true, serialHex: true, subjectName: true, subjectType: true, notAfter: true, orgId: true, keyShareId: true, der: true },
    orderBy: { createdAt: "desc" },
  });
  const keys = new Map<string, { keyShareId: string | null; der: Uint8Array }>();
  const certificates = await Promise.all(
    eligible.map(async ({ orgId, keyShareId, der, ...c }) => {
      keys.set(c.id, { keyShareId, der });
      const check = await platformAuthorizationFor({ userId, certificate: { orgId }, platformId: row.platformId });
      return { ...c, isEnterprise: orgId !== null, authorized: check.allowed, refusal: check.allowed ? null : check.reason };
    }),
  );
  const refusedAll = certificates.length > 0 && certificates.every((c) => !c.authorized);
  // Not a member of any of the certificates' organizations is the reason only when it holds for all.
  const reason: TPlatformRefusalReason | null = !refusedAll ? null : certificates.every((c) => c.refusal === "not_a_member") ? "not_a_member" : "not_authorized_for_platform";

  // The first scan binds the request and tells the platform (webhook, same transaction); the same
  // user opening it again changes nothing. A refusal follows in the same transaction.
  const claimed = await db.$transaction(async (tx) => {
    const [first] = await tx.scanRequest.updateManyAndReturn({ where: { id: row.id, status: "PENDING" }, data: { status: "SCANNED", userId, scannedAt: new Date(), tokenSealed: null } });
    if (first) await queueScanWebhook(tx, { row: first, webhookUrl: platform.webhookUrl });
    else if ((await tx.scanRequest.count({ where: { id: row.id, status: "SCANNED", userId } })) !== 1) return false;
    if (reason) {
      const refused = certificates[0]!;
      await refuseScanRequest(tx, { userId, id: row.id, platformId: row.platformId, certificateId: refused.id, serial: refused.serialHex, reason });
    }
    return true;
  });
  // The holder opening a request already refused to them again sees the same refusal, not "used".
  const refusedBefore = claimed ? null : refusalOf((await db.scanRequest.findFirst({ where: { id: row.id, userId }, select: { status: true, failReason: true } })) ?? { status: "", failReason: null });
  if (!claimed && !refusedBefore) throw new AppError("conflict", { userMessage: "scan.errors.used" });
  wakeWorker();
  return {
    id: row.id,
    type: SCAN_TYPE_FROM_DB[row.type],
    platform: { name: platform.name, nameEn: platform.nameEn },
    payload: row.payload as Record<string, unknown>,
    expiresAt: row.expiresAt.toISOString(),
    certificates,
    refused: reason ?? refusedBefore,
    /** Key share and DER per certificate id: for the caller, not for the phone as they are. */
    keys,
    isDesk: platform.isDesk,
  };
}
