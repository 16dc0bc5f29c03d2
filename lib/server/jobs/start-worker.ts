import { runDueJobs } from "./run-jobs";

const g = globalThis as unknown as { __certdeskWorker?: { timer: NodeJS.Timeout; wake: () => void } };

// One polling loop per app instance. wakeWorker() shortens the wait after an enqueue in this
// process; other instances find the job on their next poll. The queue itself is the table.
export function startWorker({ intervalMs = 1000 }: { intervalMs?: number } = {}) {
  if (g.__certdeskWorker) return;
  let running = false;
  let sweptAt = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Woken after every enqueue: the sweep (one indexed query) runs at most once a second.
      const sweep = Date.now() - sweptAt >= 1000;
      if (sweep) sweptAt = Date.now();
      await runDueJobs({ sweep });
    } catch (err) {
      console.error("[jobs] worker tick failed:", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  g.__certdeskWorker = { timer, wake: () => void tick() };
}

export function wakeWorker() {
  g.__certdeskWorker?.wake();
}
