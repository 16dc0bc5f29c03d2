// Runs once when a server instance starts: the start-up configuration check, the job worker
// (SMS, email, webhooks) and, on the first start ever, the CA hierarchy.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, isDemoMode } = await import("@/lib/env");
  const { assertProductionConfig } = await import("@/lib/server/assert-production-config");
  let e;
  try {
    e = env();
    assertProductionConfig(e);
  } catch (err) {
    // A misconfigured desk must not serve at all (not even with the error logged per request).
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  if (isDemoMode(e)) console.info("[certdesk] demo mode (CERTDESK_DEMO): SMS and email go to the public outbox at /dev/outbox");
  const { startInstance } = await import("@/lib/server/start-instance");
  await startInstance({ worker: e.JOB_WORKER === "on" });
}
