import { env, isDemoMode, type Env } from "@/lib/env";

/**
 * The start-up check (instrumentation.ts register(), and `npm start` before it builds): outside demo
 * mode the desk refuses to start while SMS codes would land in the outbox, because the outbox is
 * how anyone could read anyone's login code. Throws an Error whose message names what to set.
 */
export function assertProductionConfig(e: Env = env()): void {
  if (isDemoMode(e)) return;
  const problems: string[] = [];
  if (e.SMS_PROVIDER === "outbox") {
    problems.push(
      "SMS_PROVIDER is the outbox (unset or \"outbox\"), so login codes would be readable by anyone. " +
        "Set SMS_PROVIDER=aliyun or SMS_PROVIDER=tencent with its credentials and SMS_TEMPLATE_* ids (README: SMS gateways), " +
        "or set CERTDESK_DEMO=1 for a demo desk.",
    );
  }
  if (e.CERTDESK_E2E_FIXTURES === "1") {
    problems.push("CERTDESK_E2E_FIXTURES=1 (test-only fixture routes) needs CERTDESK_DEMO=1.");
  }
  if (problems.length) {
    const why = e.CERTDESK_DEMO === undefined ? `CERTDESK_DEMO unset, NODE_ENV=${e.NODE_ENV}` : `CERTDESK_DEMO=${e.CERTDESK_DEMO}`;
    throw new Error(`CertDesk refuses to start outside demo mode (${why}):\n  ${problems.join("\n  ")}`);
  }
}
