import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { safeEqual } from "@/lib/db/keyed-hash";
import { captchaAnswerHash } from "./create-lookup-captcha";

/**
 * Uses a captcha up, right or wrong (one conditional update: of parallel answers to one captcha
 * exactly one is ever compared), then compares. Throws when it was used, expired or wrongly answered.
 */
export async function consumeLookupCaptcha({ captchaId, answer, now = new Date() }: { captchaId: string; answer: string; now?: Date }) {
  const used = await db.$queryRaw<Array<{ answerHash: string }>>`
    UPDATE "LookupCaptcha" SET "usedAt" = ${now}
    WHERE "id" = ${captchaId} AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "answerHash"`;
  if (used.length === 0) throw new AppError("conflict", { userMessage: "lifecycleLookup.errors.captchaExpired" });
  if (!safeEqual(used[0]!.answerHash, captchaAnswerHash(captchaId, answer))) {
    throw new AppError("validation_failed", { fields: { captchaAnswer: ["lifecycleLookup.errors.captchaWrong"] } });
  }
}
