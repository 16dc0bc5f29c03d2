import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { readScanGate } from "./scan-gate";

const MAX_HALVES = 5;

/**
 * Notes a PIN-checked (or session) server half on the request. A second certificate cannot take
 * over a gate, and the number of halves per request is bounded (a retry after a network error is
 * fine, an oracle is not).
 */
export async function recordScanGate({
  userId,
  id,
  certificateId,
  r,
  decrypted = false,
  viaSession = false,
}: {
  userId: string;
  id: string;
  certificateId: string;
  r?: string;
  decrypted?: boolean;
  viaSession?: boolean;
}) {
  const row = await db.scanRequest.findFirst({ where: { id, userId, status: "SCANNED" }, select: { result: true } });
  if (!row) throw new AppError("conflict", { userMessage: "scan.errors.used" });
  const gate = readScanGate(row.result) ?? { certificateId, rs: [], decrypted: false, viaSession };
  if (gate.certificateId !== certificateId) throw new AppError("conflict", { userMessage: "scanner.errors.otherCertificate" });
  if (gate.rs.length >= MAX_HALVES) throw new AppError("rate_limited", { userMessage: "scanner.errors.tooManyTries" });
  const next = { ...gate, rs: r ? [...gate.rs, r.toLowerCase()] : gate.rs, decrypted: gate.decrypted || decrypted };
  await db.scanRequest.updateMany({ where: { id, userId, status: "SCANNED" }, data: { result: { gate: next } } });
}
