import { isDemoMode } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * A platform's webhook URL receives every state of its scan requests, decrypted bid keys included,
 * so it may only point at the platform itself: the same origin (scheme, host, port) as one of the
 * platform's registered callback URLs, and https outside demo mode. Null (no webhook) is always allowed.
 * Used by the console (create, edit) and by PUT /api/v1/platform/webhook.
 */
export function assertWebhookUrlAllowed({ webhookUrl, callbackUrls }: { webhookUrl: string | null; callbackUrls: string[] }) {
  if (!webhookUrl) return;
  const url = new URL(webhookUrl);
  if (url.protocol !== "https:" && !isDemoMode()) {
    throw new AppError("validation_failed", { userMessage: "scan.errors.webhookHttps", fields: { webhookUrl: ["scan.errors.webhookHttps"] } });
  }
  const origins = callbackUrls.flatMap((c) => {
    try {
      return [new URL(c).origin];
    } catch {
      return [];
    }
  });
  if (url.username || url.password || !origins.includes(url.origin)) {
    throw new AppError("validation_failed", { userMessage: "scan.errors.webhookNotRegistered", fields: { webhookUrl: ["scan.errors.webhookNotRegistered"] } });
  }
}
