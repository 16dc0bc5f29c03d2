// Runs once when a server instance starts: the start-up configuration check (exits on a bad one),
// the job worker (SMS, email, webhooks) and, on the first start ever, the CA hierarchy.
export async function register() {
  // env-reads allow-list: Next.js's own runtime marker, read before (and, on the edge, without) lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnBadConfig } = await import("@/lib/server/exit-on-bad-config");
  const e = exitOnBadConfig();
  const { startInstance } = await import("@/lib/server/start-instance");
  await startInstance({ worker: e.JOB_WORKER === "on" });
}
