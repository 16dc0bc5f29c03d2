import { AppError } from "@/lib/errors";
import { revokeCertificate } from "@/lib/server/certs/revoke-certificate";
import type { TRevokeReason } from "@/lib/server/certs/revoke-certificate.types";

/**
 * Revokes certificates one by one through revokeCertificate (its own transaction each: status, OCSP cache
 * dropped, server share destroyed, audit, a new CRL), after the membership change that decided it has
 * committed. One already revoked meanwhile (CONFLICT) is skipped. Returns how many this call revoked.
 */
export async function revokeOrgCertificates({ certificateIds, reason, actorId, ip }: { certificateIds: string[]; reason: TRevokeReason; actorId: string; ip?: string }): Promise<number> {
  let revoked = 0;
  for (const certificateId of certificateIds) {
    try {
      await revokeCertificate({ certificateId, reason, actorId, ip });
      revoked++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === "conflict")) throw e;
    }
  }
  return revoked;
}
