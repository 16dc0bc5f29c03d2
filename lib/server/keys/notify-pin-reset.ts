import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/translate";
import type { Tx } from "@/lib/db/client";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { formatResetTime } from "@/lib/server/keys/pin-reset-cooling-off";

export function pinResetCancelUrl(token: string): string {
  return new URL(`/m/pin-reset/cancel/${token}`, env().APP_URL).toString();
}

/**
 * A PIN reset was staged: tell the holder at once, everywhere they may look, in the reset's
 * transaction (an inbox message, an SMS to the holder's and the account's phone, an e-mail to the
 * account's address if set): "your certificate PIN will be reset at <time>; if this wasn't you,
 * cancel at <link>". The link carries the one-time cancel token; nothing else here is secret.
 */
export async function notifyPinReset(tx: Tx, { userId, holderPhone, at, cancelToken }: { userId: string; holderPhone: string; at: Date; cancelToken: string }) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true, email: true, locale: true } });
  const locale = user.locale === "en" ? "en" : "zh-CN";
  const t = translator(locale);
  const params = { at: formatResetTime(at), link: pinResetCancelUrl(cancelToken) };
  const title = t("phone.pinReset.noticeTitle");
  const body = t("phone.pinReset.noticeBody", params);
  await tx.inboxMessage.create({ data: { userId, title, body, link: `/m/pin-reset/cancel/${cancelToken}` } });
  for (const to of new Set([holderPhone, user.phone].filter(Boolean))) {
    await queueSms(tx, { to, template: "pin_reset_notice", params, locale });
  }
  if (user.email) await queueEmail(tx, { to: user.email, subject: title, text: body, template: "pin_reset_pending" });
}
