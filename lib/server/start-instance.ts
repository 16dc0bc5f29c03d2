import { startWorker } from "@/lib/server/jobs/start-worker";
import { env } from "@/lib/env";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { scheduleCertMaintenance } from "@/lib/server/ca/schedule-cert-maintenance";
import { CaCeremonyNeededError } from "@/lib/server/ca/ca-ceremony-needed-error";

/** Start-up work of one app instance. Idempotent, safe with several instances on one database. */
export async function startInstance({ worker }: { worker: boolean }) {
  // A CA that cannot start must not take the desk down with it: issuance then fails with a clear
  // error, and the maintenance job (which also ensures the hierarchy) keeps retrying.
  for (const step of [scheduleCertMaintenance, ensureCaHierarchy]) {
    try {
      await step();
    } catch (err) {
      // Except a missing root / issuing CA that only the offline ceremony can make: stop with the commands.
      if (err instanceof CaCeremonyNeededError) {
        console.error(err.message);
        process.exit(1);
      }
      console.error(`[certs] CA start-up step ${step.name} failed:`, err instanceof Error ? err.message : err);
    }
  }
  if (env().CERTDESK_E2E_FIXTURES === "1") console.warn("[certdesk] CERTDESK_E2E_FIXTURES=1: test-only fixture routes are open. Never set this on a real desk.");
  if (worker) startWorker();
}
