import { env } from "@/lib/env";
import type { EmailProvider } from "./email-provider";
import { outboxEmailProvider } from "./outbox-email-provider";
import { smtpEmailProvider } from "./smtp-email-provider";

let smtp: EmailProvider | undefined;

export function getEmailProvider(): EmailProvider {
  const e = env();
  if (!e.SMTP_URL) return outboxEmailProvider;
  smtp ??= smtpEmailProvider({ url: e.SMTP_URL, from: e.MAIL_FROM });
  return smtp;
}
