import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SCAN_TYPE_FROM_DB, SCAN_TYPE_TO_DB } from "./scan.types";
import type { TFailReason, TListScanRequestsQuery, TScanRequestList, TScanStatus } from "./scan-request.types";

// A page position: the last record's creation time and id (newest first, ties by id).
const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("validation_failed", { userMessage: "scan.errors.cursorInvalid", fields: { cursor: ["scan.errors.cursorInvalid"] } });
  return { createdAt, id };
}

/** The stored rows that the platform sees in `status` at `now` (a PENDING or SCANNED row past expiresAt reads as expired). */
function statusWhere(status: TScanStatus, now: Date): Prisma.ScanRequestWhereInput {
  if (status === "pending" || status === "scanned") return { status: status === "pending" ? "PENDING" : "SCANNED", expiresAt: { gt: now } };
  if (status === "expired") return { OR: [{ status: "EXPIRED" }, { status: { in: ["PENDING", "SCANNED"] }, expiresAt: { lte: now } }] };
  return { status: status.toUpperCase() as "COMPLETED" | "REJECTED" | "FAILED" };
}

/**
 * GET /api/v1/scan-requests: the calling platform's own requests as usage records (type, state,
 * clientRef, title, times, failReason, the certificate's serial, the session), newest first, a page at
 * a time with a keyset cursor (stable while new requests arrive). Only this platform's rows are read.
 */
export async function listPlatformScanRequests({ platformId, query, now = new Date() }: { platformId: string; query: TListScanRequestsQuery; now?: Date }): Promise<TScanRequestList> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.ScanRequestWhereInput = {
    platformId,
    AND: [
      query.from || query.to ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } } : {},
      query.type ? { type: SCAN_TYPE_TO_DB[query.type] } : {},
      query.status ? statusWhere(query.status, now) : {},
      query.clientRef ? { clientRef: query.clientRef } : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db.scanRequest.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const certIds = [...new Set(page.map((r) => r.certificateId).filter((c): c is string => Boolean(c)))];
  const certs = certIds.length ? await db.certificate.findMany({ where: { id: { in: certIds } }, select: { id: true, serialHex: true } }) : [];
  return {
    records: page.map((row) => {
      // The state as platformScanView gives it (no result or QR here: GET /scan-requests/{id} has them).
      const expired = (row.status === "PENDING" || row.status === "SCANNED") && row.expiresAt <= now;
      const payload = row.payload as { title?: unknown };
      return {
        id: row.id,
        type: SCAN_TYPE_FROM_DB[row.type],
        status: (expired ? "expired" : row.status.toLowerCase()) as TScanStatus,
        clientRef: row.clientRef,
        title: typeof payload.title === "string" ? payload.title : null,
        createdAt: row.createdAt.toISOString(),
        scannedAt: row.scannedAt?.toISOString() ?? null,
        completedAt: row.completedAt?.toISOString() ?? null,
        expiresAt: row.expiresAt.toISOString(),
        failReason: row.failReason as TFailReason | null,
        serial: certs.find((c) => c.id === row.certificateId)?.serialHex ?? null,
        sessionId: row.sessionId,
      };
    }),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}
