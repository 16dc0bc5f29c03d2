import { envNow } from "@/lib/env";
import { db } from "@/lib/db/client";
import type { EmailProvider } from "./email-provider";

// Without SMTP_URL mail lands in the outbox table; the log names the template only (a subject can
// carry an order number, a body links and codes).
export const outboxEmailProvider: EmailProvider = {
  name: "outbox",
  async send({ to, subject, text, template, attachments }) {
    const row = await db.outboxMessage.create({
      data: {
        channel: "EMAIL",
        to,
        subject,
        body: text,
        template,
        provider: "outbox",
        attachments: attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
      },
    });
    if (envNow("NODE_ENV") !== "test") console.info(`[outbox] email queued (template ${template})`);
    return { providerRef: row.id };
  },
};
