import { env, isDemoMode, type Env } from "@/lib/env";

export type OutboxAccess = "public" | "permission" | "none";

/**
 * Who may read the outbox. In demo mode anyone (that is how a newcomer logs in). Outside it an
 * outbox can still exist (email without SMTP_URL next to a real SMS gateway): then only holders of
 * `outbox.read`. With real gateways for both, nobody: there is no outbox.
 */
export function outboxAccess(e: Env = env()): OutboxAccess {
  if (isDemoMode(e)) return "public";
  return outboxChannels(e).length ? "permission" : "none";
}

/** The channels whose messages currently land in the outbox. */
export function outboxChannels(e: Env = env()): Array<"SMS" | "EMAIL"> {
  return [...(e.SMS_PROVIDER === "outbox" ? (["SMS"] as const) : []), ...(!e.SMTP_URL ? (["EMAIL"] as const) : [])];
}
