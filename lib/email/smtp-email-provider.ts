import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import type { EmailProvider } from "./email-provider";

/** Real mail through SMTP_URL (e.g. smtps://user:pass@smtp.example.com:465). A copy is kept in the outbox table. */
export function smtpEmailProvider({ url, from }: { url: string; from: string }): EmailProvider {
  const transport = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send({ to, subject, text, template, attachments }) {
      const info = await transport.sendMail({
        from,
        to,
        subject,
        text,
        attachments: attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
      });
      await db.outboxMessage.create({
        data: { channel: "EMAIL", to, subject, body: text, template, provider: "smtp", providerRef: info.messageId },
      });
      return { providerRef: info.messageId };
    },
  };
}
