import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { platformAuthorizationFor } from "@/lib/server/org/check-platform-authorization";
import { readScanGate } from "./scan-gate";
import { scanRefusedError } from "./assert-scan-authorized";

/**
 * Notes the one server half a scan request gets, in the transaction that runs the half: one
 * conditional update stores the gate on a SCANNED request of this user that has none yet, so two
 * racing calls cannot both get one (the loser's update waits for the winner's row lock, then finds
 * the gate). A failed call leaves no gate behind (its transaction rolls back); after a half, a new
 * attempt needs a new request from the platform. The r of a signature half is what completion later
 * requires of the result. The platform authorization is read after the update, under the row lock
 * it took, so a member removed (or an authorization revoked) after the request was opened gets no
 * half: the refusal rolls the gate back.
 */
export async function claimScanHalf(
  tx: Tx,
  {
    userId,
    id,
    certificate,
    r,
    decrypted = false,
    viaSession = false,
    sealId = null,
  }: { userId: string; id: string; certificate: { id: string; orgId: string | null }; r?: string; decrypted?: boolean; viaSession?: boolean; sealId?: string | null },
) {
  const gate = { gate: { certificateId: certificate.id, rs: r ? [r.toLowerCase()] : [], decrypted, viaSession, sealId } };
  const claimed = await tx.$queryRaw<Array<{ platformId: string }>>`
    UPDATE "ScanRequest" SET "result" = ${JSON.stringify(gate)}::jsonb
    WHERE "id" = ${id} AND "userId" = ${userId} AND "status" = 'SCANNED' AND ("result" IS NULL OR jsonb_typeof("result" -> 'gate') IS DISTINCT FROM 'object')
    RETURNING "platformId"`;
  if (claimed.length === 0) throw await refusalOfClaim(tx, { userId, id, certificateId: certificate.id });
  const check = await platformAuthorizationFor({ userId, certificate, platformId: claimed[0]!.platformId }, tx);
  if (!check.allowed) throw scanRefusedError(check.reason);
}

/** Why the update found nothing to claim (read only then): the same answers as before the claim was one statement. */
async function refusalOfClaim(tx: Tx, { userId, id, certificateId }: { userId: string; id: string; certificateId: string }) {
  const row = await tx.scanRequest.findFirst({ where: { id, userId }, select: { status: true, result: true } });
  if (!row || row.status !== "SCANNED") return new AppError("conflict", { userMessage: "scan.errors.used" });
  const gate = readScanGate(row.result);
  if (gate && gate.certificateId !== certificateId) return new AppError("conflict", { userMessage: "scanner.errors.otherCertificate" });
  return new AppError("conflict", { userMessage: "scanner.errors.halfUsed" });
}
