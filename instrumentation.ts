// Runs once when a server instance starts: the job worker (SMS, email, webhooks) and,
// on the first start ever, the CA hierarchy.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const e = env();
  const { startInstance } = await import("@/lib/server/start-instance");
  await startInstance({ worker: e.JOB_WORKER === "on" });
}
