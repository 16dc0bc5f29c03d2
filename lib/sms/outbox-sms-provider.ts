import { db } from "@/lib/server/db/client";
import type { SmsProvider } from "./sms-provider";

/** The offline default: messages land in the outbox table (shown at /dev/outbox) and the server log. */
export const outboxSmsProvider: SmsProvider = {
  name: "outbox",
  async send({ to, text, template }) {
    const row = await db.outboxMessage.create({ data: { channel: "SMS", to, body: text, template, provider: "outbox" } });
    if (process.env.NODE_ENV !== "test") console.info(`[outbox] SMS to ${to}: ${text}`);
    return { providerRef: row.id };
  },
};
