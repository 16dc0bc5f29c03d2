import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export type ClaimedJob = { id: string; type: string; payload: unknown; attempts: number; maxAttempts: number };

// FOR UPDATE SKIP LOCKED lets several app instances drain one queue without taking a job twice.
// A RUNNING job whose worker died (its lease, JOB_LEASE_SECONDS since it was claimed, has run out)
// is taken again: a SIGKILLed instance's jobs run on another instance.
export async function claimJob(workerId: string): Promise<ClaimedJob | null> {
  const leaseSeconds = env().JOB_LEASE_SECONDS;
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = now(), "lockedBy" = ${workerId}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "Job"
      WHERE (status = 'PENDING' AND "runAt" <= now())
         OR (status = 'RUNNING' AND "lockedAt" < now() - make_interval(secs => ${leaseSeconds}::int))
      ORDER BY "runAt"
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id, type, payload, attempts, "maxAttempts"`;
  return rows[0] ?? null;
}
