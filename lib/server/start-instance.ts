import { startWorker } from "@/lib/server/jobs/start-worker";

/** Start-up work of one app instance. Idempotent, safe with several instances on one database. */
export async function startInstance({ worker }: { worker: boolean }) {
  if (worker) startWorker();
}
