import type { Locale } from "@/lib/i18n/locales";
import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import { findLookupRecipients } from "./find-lookup-recipients";
import { lookupCodeContext } from "./lookup-policy";
import { takeLookupHit } from "./take-lookup-hit";
import type { TSendLookupCode } from "./lookup.types";

/**
 * 证书查询, code path: the caller names the subject and the number of one of its applicants
 * (personal) or handlers (unit). The code is sent only when the number is one of them; the answer,
 * the limits taken and the work done are the same either way, so the lookup never tells whether the
 * subject exists, or who its handlers are, before the code is entered.
 */
export async function sendLookupCode({ subject, phone, channel, ip, locale, now = new Date() }: TSendLookupCode & { ip: string; locale: Locale; now?: Date }) {
  await takeLookupHit({ subjectKey: subject.subjectKey, ip, now });
  const ch = await resolveChannel(db, { code: channel });
  const recipients = await findLookupRecipients(db, { ...subject, channelId: ch.id });
  const sent = await sendVerificationCode({
    phone,
    purpose: "REVERIFY",
    context: lookupCodeContext("handler", subject.subjectKey),
    ip,
    locale,
    deliver: recipients.has(phone),
  });
  return { to: maskPhone(phone), ...sent };
}
