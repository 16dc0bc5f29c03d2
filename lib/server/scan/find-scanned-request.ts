import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import type { ScanType } from "@/lib/generated/prisma/enums";
import { assertScanAuthorized, refusalOf, scanRefusedError } from "./assert-scan-authorized";

/**
 * A request this user scanned (or claimed through a session) and has not finished, with the
 * certificate chosen for it. Anything else is NOT_FOUND, so a foreign request id reveals nothing.
 * The certificate must be usable on the request's platform (an enterprise certificate needs the
 * organization's authorization): otherwise the request is refused and the answer is FORBIDDEN, also
 * for every later call on a request already refused that way.
 */
export async function findScannedRequest({ userId, id, certificateId, types }: { userId: string; id: string; certificateId: string; types?: ScanType[] }) {
  const row = await db.scanRequest.findFirst({ where: { id, userId } });
  if (!row) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
  const refusal = refusalOf(row);
  if (refusal) throw scanRefusedError(refusal);
  // Expired first: a request the expiry job already marked EXPIRED is gone, not "used".
  if (row.expiresAt <= new Date() && (row.status === "SCANNED" || row.status === "EXPIRED")) throw new AppError("gone", { userMessage: "scan.errors.expired" });
  if (row.status !== "SCANNED") throw new AppError("conflict", { userMessage: "scan.errors.used" });
  if (types && !types.includes(row.type)) throw new AppError("bad_request", { userMessage: "scanner.errors.wrongOperation" });
  const usage = row.type === "DECRYPT" ? "ENCRYPT" : "SIGN";
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, userId, usage, status: "VALID", notAfter: { gt: new Date() } },
    select: { id: true, keyShareId: true, serialHex: true, orgId: true },
  });
  if (!certificate?.keyShareId) throw new AppError("not_found", { userMessage: "scan.errors.noCertificate" });
  await assertScanAuthorized({ userId, row, certificate });
  return { row, certificate: { ...certificate, keyShareId: certificate.keyShareId } };
}
