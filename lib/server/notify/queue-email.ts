import type { Db, Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import type { JobPayloads } from "@/lib/server/jobs/job-types";

export function queueEmail(client: Db | Tx, msg: JobPayloads["notify.email"]) {
  return enqueueJob(client, { type: "notify.email", payload: msg });
}
