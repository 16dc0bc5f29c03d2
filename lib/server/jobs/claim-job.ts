import { db } from "@/lib/db/client";

export type ClaimedJob = { id: string; type: string; payload: unknown; attempts: number; maxAttempts: number };

// FOR UPDATE SKIP LOCKED lets several app instances drain one queue without taking a job twice.
// A RUNNING job whose worker died (locked over 5 minutes ago) is taken again.
export async function claimJob(workerId: string): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = now(), "lockedBy" = ${workerId}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "Job"
      WHERE (status = 'PENDING' AND "runAt" <= now())
         OR (status = 'RUNNING' AND "lockedAt" < now() - interval '5 minutes')
      ORDER BY "runAt"
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id, type, payload, attempts, "maxAttempts"`;
  return rows[0] ?? null;
}
