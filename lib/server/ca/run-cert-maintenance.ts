import { CA_PROFILE, addMs } from "@/lib/server/ca/ca-profile";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { markExpiredCertificates } from "../certs/mark-expired-certificates";
import { pruneUsedNonces } from "@/lib/server/keys/prune-used-nonces";
import { refreshDueCrls } from "@/lib/server/ca/refresh-due-crls";
import { scheduleCertMaintenance } from "@/lib/server/ca/schedule-cert-maintenance";
import { wipeScanPlaintexts } from "@/lib/server/scan/wipe-scan-plaintexts";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";

/**
 * The "certs.maintain" job: renew the OCSP responder certificate when due, publish CRLs before
 * their nextUpdate, mark expired certificates, wipe day-old decrypt plaintexts, forget two-party
 * nonces past their window, then queue the next run. The successor is queued
 * even when a step failed (the failure is rethrown, so the queue also retries this run).
 */
export async function runCertMaintenance(input: { now?: Date } = {}): Promise<{ crls: number; expired: number; nonces: number }> {
  const now = input.now ?? new Date();
  try {
    await ensureCaHierarchy({ now });
    const crls = await refreshDueCrls({ now });
    const expired = await markExpiredCertificates({ now });
    await wipeScanPlaintexts({ now });
    const nonces = await pruneUsedNonces({ now });
    // Expiry reminders run as their own job (their notices must not wait on, or fail, the upkeep above).
    await enqueueJob(db, { type: "certs.remind", payload: { at: now.toISOString() } });
    return { crls: crls.length, expired, nonces };
  } finally {
    await scheduleCertMaintenance({ runAt: addMs(new Date(), CA_PROFILE.maintenanceEveryMs) });
  }
}
