import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { platformAuthorizationFor } from "@/lib/server/org/check-platform-authorization";
import { readScanGate } from "./scan-gate";
import { scanRefusedError } from "./assert-scan-authorized";

/**
 * Notes the one server half a scan request gets, in the transaction that runs the half: the
 * request row is locked, and a request that already has a half (a signature or a decryption, by
 * any certificate) is refused, so two racing calls cannot both get one. A failed call leaves no
 * gate behind (its transaction rolls back); after a half, a new attempt needs a new request from
 * the platform. The r of a signature half is what completion later requires of the result.
 * The platform authorization is read again under the lock, so a member removed (or an
 * authorization revoked) after the request was opened gets no half.
 */
export async function claimScanHalf(
  tx: Tx,
  { userId, id, certificateId, r, decrypted = false, viaSession = false, sealId = null }: { userId: string; id: string; certificateId: string; r?: string; decrypted?: boolean; viaSession?: boolean; sealId?: string | null },
) {
  const rows = await tx.$queryRaw<Array<{ status: string; result: unknown; platformId: string }>>`
    SELECT status::text AS status, result, "platformId" FROM "ScanRequest" WHERE id = ${id} AND "userId" = ${userId} FOR UPDATE`;
  const row = rows[0];
  if (!row || row.status !== "SCANNED") throw new AppError("conflict", { userMessage: "scan.errors.used" });
  const gate = readScanGate(typeof row.result === "string" ? JSON.parse(row.result) : row.result);
  if (gate && gate.certificateId !== certificateId) throw new AppError("conflict", { userMessage: "scanner.errors.otherCertificate" });
  if (gate) throw new AppError("conflict", { userMessage: "scanner.errors.halfUsed" });
  const check = await platformAuthorizationFor({ userId, certificateId, platformId: row.platformId }, tx);
  if (!check.allowed) throw scanRefusedError(check.reason);
  await tx.scanRequest.update({ where: { id }, data: { result: { gate: { certificateId, rs: r ? [r.toLowerCase()] : [], decrypted, viaSession, sealId } } } });
}
