import type { Locale } from "@/lib/i18n/locales";
import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { consumeLookupCaptcha } from "./consume-lookup-captcha";
import { lookupCodeContext } from "./lookup-policy";
import { takeLookupHit } from "./take-lookup-hit";
import { ZSendLegalRepLookupCode, type TSendLegalRepLookupCode } from "./lookup.types";

/** Does (ID number, phone) name the unit's legal representative, as registered or as applied for? */
async function isLegalRep({ uscc, idNumber, phone }: { uscc: string; idNumber: string; phone: string }) {
  const org = await db.organization.findUnique({ where: { uscc }, select: { legalRepIdNumber: true, legalRepPhone: true } });
  if (org && org.legalRepIdNumber === idNumber && org.legalRepPhone === phone) return true;
  const orders = await db.order.findMany({ where: { subjectType: "UNIT", subjectKey: uscc }, select: { draft: true }, take: 200 });
  return orders.some((o) => {
    const e = readDraft(o.draft).enterprise;
    return e?.legalRepIdNumber === idNumber && e?.legalRepPhone === phone;
  });
}

/**
 * Unit fallback: the legal representative's ID number and phone, a captcha answered (single use),
 * then an SMS code to that phone. Sent only when they match the unit's legal representative; the
 * answer is the same either way (nothing tells whether the unit exists).
 */
export async function sendLegalRepLookupCode(input: TSendLegalRepLookupCode & { ip: string; locale: Locale; now?: Date }) {
  const args = ZSendLegalRepLookupCode.parse(input);
  const now = input.now ?? new Date();
  await takeLookupHit({ subjectKey: args.uscc, ip: input.ip, now });
  await consumeLookupCaptcha({ captchaId: args.captchaId, answer: args.captchaAnswer, now });
  const deliver = await isLegalRep({ uscc: args.uscc, idNumber: args.legalRepIdNumber, phone: args.phone });
  const sent = await sendVerificationCode({
    phone: args.phone,
    purpose: "REVERIFY",
    context: lookupCodeContext("legal_rep", args.uscc),
    ip: input.ip,
    locale: input.locale,
    deliver,
  });
  return { to: maskPhone(args.phone), ...sent };
}
