import { randomInt } from "node:crypto";
import type { CodePurpose } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { db } from "@/lib/db/client";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { keyedHash } from "@/lib/db/keyed-hash";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { CODE_TTL_SECONDS, ipWindows, phoneWindows, RESEND_AFTER_SECONDS, resendWindows } from "./code-policy";

export function codeHash(phone: string, purpose: CodePurpose, context: string, code: string) {
  return keyedHash("sms-code", phone, purpose, context, code);
}

/**
 * Creates a 6-digit code and queues the SMS in one transaction. `deliver: false` keeps the same
 * answer and limits without sending (a reset for a number that has no account), so the response
 * never tells whether an account exists.
 */
export async function sendVerificationCode({
  phone,
  purpose,
  ip,
  locale,
  context = "",
  deliver = true,
}: {
  phone: string;
  purpose: CodePurpose;
  ip: string;
  locale: Locale;
  context?: string;
  deliver?: boolean;
}) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const now = new Date();
  await db.$transaction(async (tx) => {
    await consumeRateLimit(tx, `sms:resend:${phone}:${purpose}:${context}`, resendWindows(), now);
    await consumeRateLimit(tx, `sms:phone:${phone}`, phoneWindows(), now);
    await consumeRateLimit(tx, `sms:ip:${ip}`, ipWindows(), now);
    if (!deliver) return;
    // A new code replaces the previous one of the same purpose.
    await tx.verificationCode.updateMany({
      where: { phone, purpose, context, consumedAt: null },
      data: { consumedAt: now },
    });
    await tx.verificationCode.create({
      data: {
        phone,
        purpose,
        context,
        ip,
        codeHash: codeHash(phone, purpose, context, code),
        expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
      },
    });
    await queueSms(tx, { to: phone, template: `code_${purpose}`, params: { code }, locale });
  });
  wakeWorker();
  return { resendAfter: RESEND_AFTER_SECONDS, expiresIn: CODE_TTL_SECONDS };
}
