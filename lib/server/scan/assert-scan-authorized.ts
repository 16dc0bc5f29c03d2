import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { platformAuthorizationFor, PLATFORM_REFUSAL_REASONS, type TPlatformRefusalReason } from "@/lib/server/org/check-platform-authorization";
import { refuseScanRequest } from "./refuse-scan-request";

/** The phone's answer to a refused certificate, by reason. */
export function scanRefusedError(reason: TPlatformRefusalReason) {
  return new AppError("forbidden", { userMessage: reason === "not_a_member" ? "scanner.errors.notAMember" : "scanner.errors.notAuthorizedForPlatform" });
}

export function isScanRefusal(err: unknown) {
  return err instanceof AppError && err.code === "forbidden" && (err.userMessage === "scanner.errors.notAMember" || err.userMessage === "scanner.errors.notAuthorizedForPlatform");
}

/** A request already refused for an authorization reason answers every later step with the same refusal. */
export function refusalOf(row: { status: string; failReason: string | null }): TPlatformRefusalReason | null {
  return row.status === "REJECTED" && (PLATFORM_REFUSAL_REASONS as readonly string[]).includes(row.failReason ?? "") ? (row.failReason as TPlatformRefusalReason) : null;
}

/**
 * Every step that can produce a result (server half, decryption half, completion) calls this for the
 * chosen certificate: an enterprise certificate not authorized for the request's platform ends the
 * request REJECTED with the reason (once, however many calls race) and the phone gets FORBIDDEN.
 */
export async function assertScanAuthorized({
  userId,
  row,
  certificate,
}: {
  userId: string;
  row: { id: string; platformId: string };
  certificate: { id: string; serialHex: string; orgId: string | null };
}) {
  const check = await platformAuthorizationFor({ userId, certificate, platformId: row.platformId });
  if (check.allowed) return;
  const refused = await db.$transaction((tx) =>
    refuseScanRequest(tx, { userId, id: row.id, platformId: row.platformId, certificateId: certificate.id, serial: certificate.serialHex, reason: check.reason }),
  );
  if (refused) wakeWorker();
  throw scanRefusedError(check.reason);
}
