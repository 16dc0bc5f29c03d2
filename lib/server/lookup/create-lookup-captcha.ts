import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { keyedHash } from "@/lib/db/keyed-hash";
import { CAPTCHA_SECONDS } from "./lookup-policy";

export function captchaAnswerHash(captchaId: string, answer: string) {
  return keyedHash("lookup-captcha", captchaId, answer.trim());
}

/**
 * A server-side arithmetic captcha ("7 + 5 = ?"): the question goes to the page, only the keyed hash
 * of the answer to the database, for five minutes and one answer.
 */
export async function createLookupCaptcha({ now = new Date() }: { now?: Date } = {}) {
  const a = randomInt(2, 20);
  const b = randomInt(1, 10);
  const plus = randomInt(0, 2) === 0;
  const answer = String(plus ? a + b : a - b);
  const row = await db.lookupCaptcha.create({ data: { answerHash: "-", createdAt: now, expiresAt: new Date(now.getTime() + CAPTCHA_SECONDS * 1000) }, select: { id: true } });
  await db.lookupCaptcha.update({ where: { id: row.id }, data: { answerHash: captchaAnswerHash(row.id, answer) } });
  return { captchaId: row.id, question: `${a} ${plus ? "+" : "−"} ${b} = ?` };
}
