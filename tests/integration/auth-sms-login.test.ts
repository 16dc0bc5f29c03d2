import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { loginWithSms } from "@/lib/server/auth/login-with-sms";
import { loadSessionUser } from "@/lib/server/auth/load-session-user";
import { expectAppError } from "../support/expect-app-error";
import { latestSmsCode } from "../support/outbox";
import { uniqueIp, uniquePhone } from "../support/factories";

describe("SMS login", () => {
  it("creates the account on first login and opens a revocable session", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    const sms = await db.outboxMessage.findFirst({ where: { to: phone }, orderBy: { createdAt: "desc" } });
    expect(sms?.body).toContain("登录验证码");

    const { userId, sessionId } = await loginWithSms({ phone, code, ip });
    const user = await loadSessionUser({ sessionId });
    expect(user).toMatchObject({ id: userId, phone, role: "APPLICANT", hasPassword: false });

    await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await loadSessionUser({ sessionId })).toBeNull();
  });

  it("logs the same number into the same account the second time", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const first = await loginWithSms({ phone, code: await latestSmsCode(phone), ip });
    await db.rateLimitHit.deleteMany({ where: { key: { contains: phone } } });
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const second = await loginWithSms({ phone, code: await latestSmsCode(phone), ip });
    expect(second.userId).toBe(first.userId);
    expect(second.sessionId).not.toBe(first.sessionId);
  });

  it("stores only a hash of the code, never the code", async () => {
    const phone = uniquePhone();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip: uniqueIp(), locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    const row = await db.verificationCode.findFirstOrThrow({ where: { phone }, omit: { codeHash: false } });
    expect(row.codeHash).not.toContain(code);
    const job = await db.job.findFirstOrThrow({ where: { type: "notify.sms" }, orderBy: { createdAt: "desc" } });
    expect(JSON.stringify(job.payload)).not.toContain(code);
  });

  it("kills a code after 5 wrong tries, so even the right code then fails", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const err = await expectAppError(loginWithSms({ phone, code: wrong, ip }), "code_invalid", "auth.errors.codeWrong");
      expect(err.params).toEqual({ left });
    }
    await expectAppError(loginWithSms({ phone, code: wrong, ip }), "code_expired", "auth.errors.codeTooManyAttempts");
    await expectAppError(loginWithSms({ phone, code, ip }), "code_expired");
    expect(await db.user.findUnique({ where: { phone } })).toBeNull();
  });

  it("refuses an expired code", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    await db.verificationCode.updateMany({ where: { phone }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(loginWithSms({ phone, code, ip }), "code_expired");
  });

  it("refuses a code sent for another purpose", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await db.user.create({ data: { phone } });
    await sendVerificationCode({ phone, purpose: "RESET_PASSWORD", ip, locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    await expectAppError(loginWithSms({ phone, code, ip }), "code_expired");
  });

  it("makes a resend wait 60 s and caps a number at 5 codes an hour", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    const t0 = Date.now();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const err = await expectAppError(sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" }), "rate_limited");
    expect(err.retryAfter).toBeGreaterThan(50);
    expect(err.retryAfter).toBeLessThanOrEqual(60);
    // Four more codes, each more than a minute apart (hits back-dated), reach the hourly cap.
    for (let i = 1; i <= 4; i++) {
      await db.rateLimitHit.updateMany({ where: { key: { contains: phone } }, data: { createdAt: new Date(t0 - i * 61_000) } });
      await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    }
    const hits = await db.rateLimitHit.findMany({ where: { key: `sms:phone:${phone}` } });
    expect(hits).toHaveLength(5);
    await db.rateLimitHit.updateMany({ where: { key: { contains: phone } }, data: { createdAt: new Date(t0 - 5 * 60_000) } });
    const capped = await expectAppError(sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" }), "rate_limited");
    expect(capped.retryAfter).toBeGreaterThan(60);
  });

  it("lets a code of another purpose go out within the minute, counting it against the number's hourly cap", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    await sendVerificationCode({ phone, purpose: "RESET_PASSWORD", ip, locale: "zh-CN" });
    await expectAppError(sendVerificationCode({ phone, purpose: "RESET_PASSWORD", ip, locale: "zh-CN" }), "rate_limited");
    expect(await db.rateLimitHit.count({ where: { key: `sms:phone:${phone}` } })).toBe(2);
  });

  it("caps codes per client address across many numbers", async () => {
    const ip = uniqueIp();
    process.env.SMS_IP_HOURLY_CAP = "3";
    try {
      for (let i = 0; i < 3; i++) await sendVerificationCode({ phone: uniquePhone(), purpose: "LOGIN", ip, locale: "zh-CN" });
      await expectAppError(sendVerificationCode({ phone: uniquePhone(), purpose: "LOGIN", ip, locale: "zh-CN" }), "rate_limited");
    } finally {
      process.env.SMS_IP_HOURLY_CAP = "100000";
    }
  });

  it("sends one code for 20 parallel requests to one number (the resend wait holds under concurrency)", async () => {
    const phone = uniquePhone();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => sendVerificationCode({ phone, purpose: "LOGIN", ip: uniqueIp(), locale: "zh-CN" })));
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code: string }).code === "rate_limited").length).toBe(19);
    expect(await db.verificationCode.count({ where: { phone } })).toBe(1);
  });

  it("caps one address under 30 parallel requests for different numbers", async () => {
    const ip = uniqueIp();
    process.env.SMS_IP_HOURLY_CAP = "3";
    try {
      const results = await Promise.allSettled(Array.from({ length: 30 }, () => sendVerificationCode({ phone: uniquePhone(), purpose: "LOGIN", ip, locale: "zh-CN" })));
      expect(results.filter((r) => r.status === "fulfilled").length).toBe(3);
    } finally {
      process.env.SMS_IP_HOURLY_CAP = "100000";
    }
  });

  it("compares at most 5 of 50 parallel guesses with the code: the right one sent 50th loses", async () => {
    const phone = uniquePhone();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip: uniqueIp(), locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");
    const guesses = [...Array.from({ length: 49 }, (_, i) => wrong(i)), code];
    const results = await Promise.allSettled(guesses.map((g) => loginWithSms({ phone, code: g, ip: uniqueIp() })));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "ok")).toEqual([]);
    expect(codes.filter((c) => c === "code_invalid").length).toBe(4);
    await expectAppError(loginWithSms({ phone, code, ip: uniqueIp() }), "code_expired");
    expect(await db.user.findUnique({ where: { phone } })).toBeNull();
  });
});
