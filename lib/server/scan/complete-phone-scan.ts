import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { ZScanCompleteSchema } from "./phone-scan.types";
import { findScannedRequest } from "./find-scanned-request";
import { readScanGate } from "./scan-gate";
import { signatureROfResult } from "./signature-r-of-result";
import { completeScanRequest } from "./complete-scan-request";
import { openScanSession } from "./open-scan-session";
import { checkChosenSeal } from "./check-chosen-seal";

/**
 * The phone's completion. Refused unless this request's gate shows a server half run for the same
 * certificate after a PIN check (or in an open session), and for signatures unless the final r is
 * one of those halves' r: without the PIN there is no completion. A sign request may open a
 * signing session (会话签章), returned to the platform as result.sessionId.
 */
export async function completePhoneScan({ userId, id, input }: { userId: string; id: string; input: unknown }) {
  const { certificateId, result, session } = ZScanCompleteSchema.parse(input);
  // A retry (the first answer was lost: an instance died, a timeout) of a completion that went
  // through with this very signature, or the loser of two racing ones: the answer the first call
  // had. Anything else on a finished request stays 409, and so does a completion that opens a
  // session (that answer carries the session, made once).
  const completedBefore = async () => {
    if (session) return undefined;
    const done = await db.scanRequest.findFirst({ where: { id, userId, certificateId, status: "COMPLETED" }, select: { type: true, result: true } });
    return done && sameResult(done.type, done.result, result) ? { id, status: "completed" as const, session: null } : undefined;
  };
  // Looked for only when the completion is refused as a conflict: a first completion reads nothing more.
  try {
    return await completeScanned({ userId, id, certificateId, result, session });
  } catch (err) {
    const after = err instanceof AppError && err.code === "conflict" ? await completedBefore() : undefined;
    if (after) return after;
    throw err;
  }
}

async function completeScanned({ userId, id, certificateId, result, session }: { userId: string; id: string } & ReturnType<typeof ZScanCompleteSchema.parse>) {
  const scanned = await findScannedRequest({ userId, id, certificateId, withPlatform: true });
  const { row } = scanned;
  const gate = readScanGate(row.result);
  if (!gate || gate.certificateId !== certificateId) throw new AppError("forbidden", { userMessage: "scanner.errors.pinRequired" });
  if (row.type === "LOGIN" || row.type === "SIGN") {
    if (!gate.rs.includes(signatureROfResult({ type: row.type, result }))) throw new AppError("forbidden", { userMessage: "scanner.errors.pinRequired" });
  }
  if (row.type === "SYNC_SUBJECT" && gate.rs.length === 0) throw new AppError("forbidden", { userMessage: "scanner.errors.pinRequired" });
  if (row.type === "DECRYPT" && !gate.decrypted) throw new AppError("forbidden", { userMessage: "scanner.errors.pinRequired" });
  if (session && (row.type !== "SIGN" || gate.viaSession)) throw new AppError("bad_request", { userMessage: "scanner.errors.sessionOnlySign" });
  // The seal is the one chosen before the PIN (bound to the half), still usable with this certificate.
  if ((result.sealId ?? null) !== gate.sealId) throw new AppError("validation_failed", { userMessage: "scanner.errors.sealMismatch", fields: { sealId: ["scanner.errors.sealMismatch"] } });
  if (result.sealId) await checkChosenSeal({ userId, certificateId, type: row.type, payload: row.payload as Record<string, unknown>, sealId: result.sealId });

  const opened = session ? await openScanSession({ userId, platformId: row.platformId, certificateId, ...session }) : null;
  try {
    // result.sessionId: the session this request opened, or the one it arrived through (echoed to the platform).
    const sessionId = opened?.id ?? (row.type === "SIGN" ? row.sessionId : null);
    const { sessionId: _fromPhone, ...fromPhone } = result as Record<string, unknown>;
    await completeScanRequest({ userId, id, certificateId, result: { ...fromPhone, ...(sessionId ? { sessionId } : {}) }, scanned: { ...scanned, platform: scanned.platform! } });
  } catch (err) {
    if (opened) await db.scanSession.delete({ where: { id: opened.id } });
    throw err;
  }
  if (opened) await db.scanRequest.update({ where: { id }, data: { sessionId: opened.id } });
  return { id, status: "completed" as const, session: opened ? { id: opened.id, expiresAt: opened.expiresAt.toISOString(), autoConfirm: opened.autoConfirm } : null };
}

/** The stored (verified) result of a login or a signature is the one the phone sends again. */
function sameResult(type: string, stored: unknown, sent: Record<string, unknown>): boolean {
  const field = type === "LOGIN" ? "signature" : type === "SIGN" ? "cms" : undefined;
  const kept = field && stored && typeof stored === "object" ? (stored as Record<string, unknown>)[field] : undefined;
  const again = field ? sent[field] : undefined;
  return typeof kept === "string" && typeof again === "string" && Buffer.from(kept, "base64").equals(Buffer.from(again, "base64"));
}
