import { env, isDemoMode, type Env } from "@/lib/env";
import { assertProductionConfig } from "./assert-production-config";

/**
 * For instrumentation's register(): a desk whose configuration fails the start-up check (or does
 * not parse) must not serve at all, so the process exits with the message instead of logging an
 * error per request. Returns the parsed environment otherwise.
 */
export function exitOnBadConfig(): Env {
  try {
    const e = env();
    assertProductionConfig(e);
    if (isDemoMode(e)) console.info("[certdesk] demo mode (CERTDESK_DEMO): SMS and email go to the public outbox at /dev/outbox");
    return e;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
