import { env } from "@/lib/env";
import { outboxSmsProvider } from "./outbox-sms-provider";
import type { SmsProvider } from "./sms-provider";

export function getSmsProvider(): SmsProvider {
  switch (env().SMS_PROVIDER) {
    case "outbox":
      return outboxSmsProvider;
  }
}

export function isOutboxActive(): boolean {
  return env().SMS_PROVIDER === "outbox" || !env().SMTP_URL;
}
