import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import type { ScanRequest } from "@/lib/generated/prisma/client";
import type { ScanType } from "@/lib/generated/prisma/enums";
import { assertScanAuthorized, refusalOf, scanRefusedError } from "./assert-scan-authorized";
import { findScanRequestWithPlatform, type ScanPlatformFacts } from "./find-scan-request-with-platform";


/** The chosen certificate as every step reads it: the half's key share, and what a completion verifies. */
const CERTIFICATE_SELECT = { id: true, keyShareId: true, serialHex: true, orgId: true, userId: true, orderId: true, caId: true, der: true, subjectDn: true, subjectName: true } as const;

/**
 * A request this user scanned (or claimed through a session) and has not finished, with the
 * certificate chosen for it. Anything else is NOT_FOUND, so a foreign request id reveals nothing.
 * The certificate must be usable on the request's platform (an enterprise certificate needs the
 * organization's authorization): otherwise the request is refused and the answer is FORBIDDEN, also
 * for every later call on a request already refused that way. `withPlatform` reads the platform's
 * facts in the same statement (the completion's transaction needs isDesk and webhookUrl).
 */
export async function findScannedRequest({
  userId,
  id,
  certificateId,
  types,
  withPlatform = false,
}: {
  userId: string;
  id: string;
  certificateId: string;
  types?: ScanType[];
  withPlatform?: boolean;
}) {
  const found = withPlatform ? await findScanRequestWithPlatform({ id, userId }) : await db.scanRequest.findFirst({ where: { id, userId } }).then((row) => row && { row, platform: undefined });
  if (!found) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
  const { row, platform } = found as { row: ScanRequest; platform?: ScanPlatformFacts };
  const refusal = refusalOf(row);
  if (refusal) throw scanRefusedError(refusal);
  // Expired first: a request the expiry job already marked EXPIRED is gone, not "used".
  if (row.expiresAt <= new Date() && (row.status === "SCANNED" || row.status === "EXPIRED")) throw new AppError("gone", { userMessage: "scan.errors.expired" });
  if (row.status !== "SCANNED") throw new AppError("conflict", { userMessage: "scan.errors.used" });
  if (types && !types.includes(row.type)) throw new AppError("bad_request", { userMessage: "scanner.errors.wrongOperation" });
  const usage = row.type === "DECRYPT" ? "ENCRYPT" : "SIGN";
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, userId, usage, status: "VALID", notAfter: { gt: new Date() } },
    select: CERTIFICATE_SELECT,
  });
  if (!certificate?.keyShareId) throw new AppError("not_found", { userMessage: "scan.errors.noCertificate" });
  await assertScanAuthorized({ userId, row, certificate });
  return { row, platform: platform ?? null, certificate: { ...certificate, keyShareId: certificate.keyShareId } };
}

export type ScannedRequest = Awaited<ReturnType<typeof findScannedRequest>>;
