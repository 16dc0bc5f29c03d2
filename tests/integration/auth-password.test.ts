import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loginWithPassword } from "@/lib/server/auth/login-with-password";
import { setPassword } from "@/lib/server/auth/set-password";
import { resetPassword } from "@/lib/server/auth/reset-password";
import { requestCode } from "@/lib/server/auth/request-code";
import { loadSessionUser } from "@/lib/server/auth/load-session-user";
import { loginWithSms } from "@/lib/server/auth/login-with-sms";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { createUser, uniqueIp, uniquePhone } from "../support/factories";
import { latestSmsCode } from "../support/outbox";
import { expectAppError } from "../support/expect-app-error";

describe("password login", () => {
  it("sets a first password after SMS login, then logs in with it", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const { userId, sessionId } = await loginWithSms({ phone, code: await latestSmsCode(phone), ip });
    await setPassword({ userId, sessionId, password: "abc12345", confirm: "abc12345", ip });
    const login = await loginWithPassword({ phone, password: "abc12345", ip });
    expect(login.userId).toBe(userId);
    const stored = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("changing a password needs the current one and ends the other sessions", async () => {
    const user = await createUser({ password: "first1234" });
    const ip = uniqueIp();
    const a = await loginWithPassword({ phone: user.phone, password: "first1234", ip });
    const b = await loginWithPassword({ phone: user.phone, password: "first1234", ip });
    const err = await expectAppError(setPassword({ userId: user.id, sessionId: a.sessionId, currentPassword: "nope1234", password: "second1234", confirm: "second1234", ip }), "validation_failed");
    expect(err.fields).toEqual({ currentPassword: ["auth.errors.currentPasswordWrong"] });
    await setPassword({ userId: user.id, sessionId: a.sessionId, currentPassword: "first1234", password: "second1234", confirm: "second1234", ip });
    expect(await loadSessionUser({ sessionId: a.sessionId })).not.toBeNull();
    expect(await loadSessionUser({ sessionId: b.sessionId })).toBeNull();
    await expectAppError(loginWithPassword({ phone: user.phone, password: "first1234", ip }), "unauthenticated");
  });

  it("locks password login for 15 minutes after 5 wrong passwords, even for the right one", async () => {
    const user = await createUser({ password: "right1234" });
    const ip = uniqueIp();
    for (let left = 4; left >= 1; left--) {
      const e = await expectAppError(loginWithPassword({ phone: user.phone, password: "wrong1234", ip }), "unauthenticated", "auth.errors.badCredentials");
      expect(e.params).toEqual({ left });
    }
    const locked = await expectAppError(loginWithPassword({ phone: user.phone, password: "wrong1234", ip }), "locked", "auth.errors.passwordLocked");
    expect(locked.retryAfter).toBe(900);
    const still = await expectAppError(loginWithPassword({ phone: user.phone, password: "right1234", ip }), "locked");
    expect(still.params?.minutes).toBe(15);
    // 15 minutes later the lock is gone.
    await db.rateLimitHit.updateMany({ where: { key: `pw:phone:${user.phone}` }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect((await loginWithPassword({ phone: user.phone, password: "right1234", ip })).userId).toBe(user.id);
  });

  it("answers a number without an account exactly like a wrong password", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    const e = await expectAppError(loginWithPassword({ phone, password: "whatever1", ip }), "unauthenticated", "auth.errors.badCredentials");
    expect(e.params).toEqual({ left: 4 });
    for (let i = 0; i < 4; i++) await loginWithPassword({ phone, password: "whatever1", ip }).catch(() => {});
    await expectAppError(loginWithPassword({ phone, password: "whatever1", ip }), "locked");
  });

  it("resets a forgotten password by SMS code, lifting the lock and ending every session", async () => {
    const user = await createUser({ password: "old12345" });
    const ip = uniqueIp();
    const s = await loginWithPassword({ phone: user.phone, password: "old12345", ip });
    for (let i = 0; i < 5; i++) await loginWithPassword({ phone: user.phone, password: "bad12345", ip }).catch(() => {});
    await requestCode({ phone: user.phone, purpose: "RESET_PASSWORD", user: null, ip, locale: "zh-CN" });
    const code = await latestSmsCode(user.phone);
    await resetPassword({ phone: user.phone, code, password: "new12345", confirm: "new12345", ip });
    expect(await loadSessionUser({ sessionId: s.sessionId })).toBeNull();
    expect((await loginWithPassword({ phone: user.phone, password: "new12345", ip })).userId).toBe(user.id);
  });

  it("answers a reset for an unknown number like any other, but sends nothing", async () => {
    const phone = uniquePhone();
    const result = await requestCode({ phone, purpose: "RESET_PASSWORD", user: null, ip: uniqueIp(), locale: "zh-CN" });
    expect(result).toEqual({ resendAfter: 60, expiresIn: 300 });
    expect(await db.verificationCode.count({ where: { phone } })).toBe(0);
    await expectAppError(resetPassword({ phone, code: "123456", password: "new12345", confirm: "new12345", ip: uniqueIp() }), "code_expired");
  });
});

describe("password lock under parallel guesses", () => {
  it("evaluates at most 5 of 100 parallel wrong guesses; the right password is then refused until the window ends", async () => {
    const user = await createUser({ password: "right1234" });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => loginWithPassword({ phone: user.phone, password: `wrong${i}xyz`, ip: uniqueIp() })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code?: string; userMessage?: string }) : null));
    expect(codes.every((c) => c !== null)).toBe(true);
    // Checked guesses answer badCredentials (4 of them; the fifth answers with the lock); every
    // other guess was refused before argon2 ran. Exactly 5 attempts were taken.
    expect(codes.filter((c) => c!.userMessage === "auth.errors.badCredentials").length).toBe(4);
    expect(codes.filter((c) => c!.code === "locked").length).toBeGreaterThanOrEqual(95);
    expect(await db.rateLimitHit.count({ where: { key: `pw:phone:${user.phone}` } })).toBe(5);
    await expectAppError(loginWithPassword({ phone: user.phone, password: "right1234", ip: uniqueIp() }), "locked");
    await db.rateLimitHit.updateMany({ where: { key: `pw:phone:${user.phone}` }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect((await loginWithPassword({ phone: user.phone, password: "right1234", ip: uniqueIp() })).userId).toBe(user.id);
  });

  it("counts the current-password check of a password change against the same lock", async () => {
    const user = await createUser({ password: "right1234" });
    const ip = uniqueIp();
    const { sessionId } = await loginWithPassword({ phone: user.phone, password: "right1234", ip });
    const tries = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        setPassword({ userId: user.id, sessionId, currentPassword: `guess${i}abc`, password: "new12345", confirm: "new12345", ip }),
      ),
    );
    const reasons = tries.map((t) => (t.status === "rejected" ? (t.reason as { code: string }).code : "ok"));
    expect(reasons.filter((c) => c === "validation_failed").length).toBeLessThanOrEqual(5);
    expect(reasons.filter((c) => c === "locked").length).toBeGreaterThanOrEqual(25);
    // The stolen session cannot guess on, and the login form is locked too.
    await expectAppError(setPassword({ userId: user.id, sessionId, currentPassword: "right1234", password: "new12345", confirm: "new12345", ip }), "locked");
    await expectAppError(loginWithPassword({ phone: user.phone, password: "right1234", ip }), "locked");
  });
});
