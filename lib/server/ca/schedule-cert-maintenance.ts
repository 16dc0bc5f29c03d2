import { db, type Db, type Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";

// Distinct from the hierarchy (727_101) and audit (727_001) locks.
const SCHEDULE_LOCK = 727_102;
export const CERT_MAINTENANCE_JOB = "certs.maintain";

/**
 * Makes sure exactly one "certs.maintain" job is queued or running. The job queue is the
 * schedule: the handler enqueues its successor, and every instance start calls this, so a job
 * that ended up FAILED (or a fresh database) gets a new one without any in-memory timer.
 */
export async function scheduleCertMaintenance(input: { runAt?: Date; tx?: Tx } = {}): Promise<void> {
  const run = async (client: Db | Tx) => {
    await client.$executeRaw`SELECT pg_advisory_xact_lock(${SCHEDULE_LOCK})`;
    const pending = await client.job.count({ where: { type: CERT_MAINTENANCE_JOB, status: "PENDING" } });
    if (pending > 0) return;
    // maxAttempts high: a maintenance run that keeps failing must keep retrying, not drop the schedule.
    await enqueueJob(client, { type: CERT_MAINTENANCE_JOB, payload: {}, runAt: input.runAt, maxAttempts: 1000 });
  };
  if (input.tx) return run(input.tx);
  // Generous waits: at start-up this competes with migrations checks and the hierarchy bootstrap.
  await db.$transaction((tx) => run(tx), { maxWait: 30_000, timeout: 30_000 });
}
