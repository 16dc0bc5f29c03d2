import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { claimJob, type ClaimedJob } from "./claim-job";
import { jobHandlers } from "./job-handlers";
import { expireDueScanRequests } from "@/lib/server/scan/expire-due-scan-requests";
import type { JobType } from "./job-types";

const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Retry after 2^attempts seconds, capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** attempts);
}

async function runOne(job: ClaimedJob) {
  const handler = jobHandlers[job.type as JobType] as ((p: unknown) => Promise<void>) | undefined;
  try {
    if (!handler) throw new Error(`no handler for job type ${job.type}`);
    await handler(job.payload);
    // Only while this worker still holds the job: after a lease ran out another worker owns it.
    await db.job.updateMany({ where: { id: job.id, lockedBy: workerId, status: "RUNNING" }, data: { status: "DONE", finishedAt: new Date(), lockedAt: null, lastError: null } });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A permanent refusal (an SMS gateway's "invalid number") fails at once: retrying cannot fix it.
    const isPermanent = (err as { permanent?: unknown } | null)?.permanent === true;
    const failed = isPermanent || job.attempts >= job.maxAttempts;
    await db.job.updateMany({
      where: { id: job.id, lockedBy: workerId, status: "RUNNING" },
      data: {
        status: failed ? "FAILED" : "PENDING",
        lastError: message.slice(0, 2000),
        lockedAt: null,
        runAt: new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
        finishedAt: failed ? new Date() : null,
      },
    });
    console.error(`[jobs] ${job.type} ${job.id} attempt ${job.attempts} failed: ${message}`);
  }
}

/**
 * Runs due jobs until none is left (or `max` ran). Returns how many ran. First, unless `sweep` is
 * false, the periodic work that is not a job row: open scan requests past their expiry end EXPIRED
 * (their webhooks are then among the due jobs).
 */
export async function runDueJobs({ max = 100, sweep = true }: { max?: number; sweep?: boolean } = {}): Promise<number> {
  if (sweep) await expireDueScanRequests();
  let count = 0;
  while (count < max) {
    const job = await claimJob(workerId);
    if (!job) break;
    await runOne(job);
    count++;
  }
  return count;
}
