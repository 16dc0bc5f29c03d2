import { db } from "@/lib/db/client";
import { checkVerificationCode } from "@/lib/server/auth/check-verification-code";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { createLookupGrant } from "./create-lookup-grant";
import { lookupCodeContext, lookupGuessWindows } from "./lookup-policy";
import { ZVerifyLookupCode, type TVerifyLookupCode } from "./lookup.types";

/**
 * The code sent for a subject's lookup (to a handler, or to the legal representative after the
 * captcha) opens it: a lookup grant. Every guess takes a hit per subject and per address first; a
 * wrong code and a code that was never sent (unknown subject) answer alike.
 */
export async function verifyLookupCode(input: TVerifyLookupCode & { ip: string; now?: Date }) {
  const { subject, phone, code, route, channel } = ZVerifyLookupCode.parse(input);
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    await consumeRateLimit(tx, `lookup:guess:${subject.subjectKey}`, lookupGuessWindows(), now);
    await consumeRateLimit(tx, `lookup:guess-ip:${input.ip}`, lookupGuessWindows(), now);
  });
  await checkVerificationCode({ phone, purpose: "REVERIFY", code, context: lookupCodeContext(route, subject.subjectKey) });
  const ch = await resolveChannel(db, { code: channel });
  return db.$transaction((tx) =>
    createLookupGrant(tx, { ...subject, channelId: ch.id, method: route === "legal_rep" ? "legal_rep" : "sms", ip: input.ip, now }),
  );
}
