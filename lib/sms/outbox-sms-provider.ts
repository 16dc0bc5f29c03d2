import { envNow } from "@/lib/env";
import { db } from "@/lib/db/client";
import type { SmsProvider } from "./sms-provider";

/**
 * The demo default: messages land in the outbox table (shown at /dev/outbox in demo mode). The
 * server log gets the template name only: never the number, the text, a code or a link.
 */
export const outboxSmsProvider: SmsProvider = {
  name: "outbox",
  async send({ to, text, template }) {
    const row = await db.outboxMessage.create({ data: { channel: "SMS", to, body: text, template, provider: "outbox" } });
    if (envNow("NODE_ENV") !== "test") console.info(`[outbox] SMS queued (template ${template})`);
    return { providerRef: row.id };
  },
};
