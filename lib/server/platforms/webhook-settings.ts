import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertWebhookUrlAllowed } from "./assert-webhook-url-allowed";
import type { TPutWebhookSettings, TWebhookSettings } from "./platform.types";

const view = (p: { code: string; webhookUrl: string | null; callbackUrls: string[] }): TWebhookSettings => ({ code: p.code, webhookUrl: p.webhookUrl, callbackUrls: p.callbackUrls });

/** GET /api/v1/platform/webhook: the calling platform's webhook URL and the callback URLs it must lie under. */
export async function getWebhookSettings({ platformId }: { platformId: string }) {
  return view(await db.tradingPlatform.findUniqueOrThrow({ where: { id: platformId } }));
}

/**
 * PUT /api/v1/platform/webhook: the platform sets (or, with null, removes) its own webhook URL.
 * Allowed only on the origin of one of its registered callback URLs (the CA console manages those),
 * https outside demo mode. The check and the write are one conditional update on the callback URLs
 * read: a console edit of them in between is a conflict, never a URL checked against old ones.
 * Audited as platform.updated with no actor (the platform itself, through the API).
 */
export async function putWebhookSettings({ platformId, input, ip }: { platformId: string; input: TPutWebhookSettings; ip?: string }) {
  const row = await db.tradingPlatform.findUniqueOrThrow({ where: { id: platformId } });
  assertWebhookUrlAllowed({ webhookUrl: input.webhookUrl, callbackUrls: row.callbackUrls });
  return db.$transaction(async (tx) => {
    const done = await tx.tradingPlatform.updateMany({ where: { id: platformId, callbackUrls: { equals: row.callbackUrls } }, data: { webhookUrl: input.webhookUrl } });
    if (done.count === 0) throw new AppError("conflict", { userMessage: "scan.errors.settingsChanged" });
    const updated = await tx.tradingPlatform.findUniqueOrThrow({ where: { id: platformId } });
    await writeAudit(tx, {
      action: "platform.updated",
      targetType: "TradingPlatform",
      targetId: platformId,
      ip,
      data: { name: updated.name, nameEn: updated.nameEn, homepage: updated.homepage, callbackUrls: updated.callbackUrls, webhookUrl: updated.webhookUrl, active: updated.active },
    });
    return view(updated);
  });
}
