import type { Db, Tx } from "@/lib/db/client";
import type { JobPayloads, JobType } from "./job-types";

/** Inserts a job in the caller's transaction: it runs only if the change that caused it commits. */
export async function enqueueJob<K extends JobType>(
  client: Db | Tx,
  { type, payload, runAt, maxAttempts }: { type: K; payload: JobPayloads[K]; runAt?: Date; maxAttempts?: number },
) {
  return client.job.create({ data: { type, payload: payload as object, runAt, maxAttempts } });
}
