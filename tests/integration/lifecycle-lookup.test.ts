import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { SANDBOX_FAIL_PHONE } from "@/lib/identity/sandbox-identities";
import { sendLookupCode } from "@/lib/server/lookup/send-lookup-code";
import { verifyLookupCode } from "@/lib/server/lookup/verify-lookup-code";
import { verifyLookupRealName } from "@/lib/server/lookup/verify-lookup-real-name";
import { createLookupCaptcha } from "@/lib/server/lookup/create-lookup-captcha";
import { sendLegalRepLookupCode } from "@/lib/server/lookup/send-legal-rep-lookup-code";
import { getLookupResult } from "@/lib/server/lookup/get-lookup-result";
import { LOOKUP_GRANT_SECONDS } from "@/lib/server/lookup/lookup-policy";
import { expectAppError } from "../support/expect-app-error";
import { latestSmsCode } from "../support/outbox";
import { uniqueIp, uniquePhone } from "../support/factories";
import { createChannel, uniqueIdNumber, uniqueUscc } from "./orders-fixtures";
import { subjectWithCertificate } from "./lifecycle-fixtures";
import { useOwnDatabase } from "./own-database";

// A database of its own on PostgreSQL: its fixture CA rows are not a real hierarchy, which other files must not see.
await useOwnDatabase("lifecycle_lookup");

const unit = (subjectKey: string) => ({ subjectType: "UNIT" as const, subjectKey });
const person = (subjectKey: string) => ({ subjectType: "INDIVIDUAL" as const, subjectKey });

async function smsCount(phone: string) {
  await runDueJobs();
  return db.outboxMessage.count({ where: { to: phone, channel: "SMS" } });
}

/** The captcha's answer, read from its question as a person would. */
function solve(question: string) {
  const m = question.match(/^(\d+) ([+−]) (\d+)/)!;
  return String(m[2] === "+" ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]));
}

async function outcomes(ps: Promise<unknown>[]) {
  const settled = await Promise.allSettled(ps);
  return {
    ok: settled.filter((s) => s.status === "fulfilled").length,
    codes: settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => (s.reason instanceof AppError ? s.reason.code : String(s.reason))),
  };
}

describe("lookup without login", () => {
  it("answers an unknown subject exactly like a known one, and texts only a real handler", async () => {
    const channel = await createChannel();
    const known = await subjectWithCertificate({ channelId: channel.id });
    const phone = known.handlerPhone;
    const stranger = uniquePhone();

    const toKnown = await sendLookupCode({ subject: unit(known.subjectKey), phone, channel: channel.code, ip: uniqueIp(), locale: "zh-CN" });
    const toKnownWrongPhone = await sendLookupCode({ subject: unit(known.subjectKey), phone: stranger, channel: channel.code, ip: uniqueIp(), locale: "zh-CN" });
    const toUnknown = await sendLookupCode({ subject: unit(uniqueUscc()), phone: uniquePhone(), channel: channel.code, ip: uniqueIp(), locale: "zh-CN" });

    // Same keys, same values except the caller's own number echoed back masked.
    const shape = (r: { to: string }) => ({ ...r, to: r.to.replace(/\d/g, "9") });
    expect(shape(toKnownWrongPhone)).toEqual(shape(toKnown));
    expect(shape(toUnknown)).toEqual(shape(toKnown));
    expect(Object.keys(toKnown).sort()).toEqual(["expiresIn", "resendAfter", "to"]);

    expect(await smsCount(phone)).toBe(1);
    expect(await smsCount(stranger)).toBe(0);

    // Entering a code for the unknown subject and for a number that got none answer alike.
    const e1 = await expectAppError(verifyLookupCode({ subject: unit(uniqueUscc()), phone: stranger, code: "123456", ip: uniqueIp() }), "code_expired");
    const e2 = await expectAppError(verifyLookupCode({ subject: unit(known.subjectKey), phone: stranger, code: "123456", ip: uniqueIp() }), "code_expired");
    expect(e2.userMessage).toBe(e1.userMessage);
  });

  it("checks the ID number's and the USCC's check character", async () => {
    const { ZSendLookupCode } = await import("@/lib/server/lookup/lookup.types");
    const good = uniqueUscc();
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const bad = good.slice(0, 17) + alphabet[(alphabet.indexOf(good[17]!) + 1) % 31];
    expect(ZSendLookupCode.safeParse({ subject: unit(good), phone: uniquePhone() }).success).toBe(true);
    expect(ZSendLookupCode.safeParse({ subject: unit(bad), phone: uniquePhone() }).success).toBe(false);
    expect(ZSendLookupCode.safeParse({ subject: person(uniqueIdNumber()), phone: uniquePhone() }).success).toBe(true);
    expect(ZSendLookupCode.safeParse({ subject: person(good), phone: uniquePhone() }).success).toBe(false);
  });

  it("opens the subject's certificates and orders in its channel with a handler's SMS code", async () => {
    const channel = await createChannel();
    const other = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id });
    // The same subject in another channel and another subject in this one stay out of the result.
    await db.order.create({ data: { no: `X${randomBytes(6).toString("hex")}`, userId: s.applicant.id, channelId: other.id, subjectType: "UNIT", subjectKey: s.subjectKey, status: "CANCELLED" } });
    const stranger = await subjectWithCertificate({ channelId: channel.id });

    const ip = uniqueIp();
    await sendLookupCode({ subject: unit(s.subjectKey), phone: s.handlerPhone, channel: channel.code, ip, locale: "zh-CN" });
    const code = await latestSmsCode(s.handlerPhone);
    const { token, expiresAt } = await verifyLookupCode({ subject: unit(s.subjectKey), phone: s.handlerPhone, code, channel: channel.code, ip });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(LOOKUP_GRANT_SECONDS * 1000);

    const result = await getLookupResult({ token });
    expect(result.subjectKey).toBe(s.subjectKey);
    expect(result.certificates.map((c) => c.id)).toEqual([s.sign.id]);
    expect(result.orders.map((o) => o.id)).toEqual([s.order.id]);
    expect(result.orders.map((o) => o.id)).not.toContain(stranger.order.id);

    // The code is single use, and the applicant's own account number works too.
    await expectAppError(verifyLookupCode({ subject: unit(s.subjectKey), phone: s.handlerPhone, code, channel: channel.code, ip }), "code_expired");
    await sendLookupCode({ subject: person(uniqueIdNumber()), phone: s.applicant.phone, ip: uniqueIp(), locale: "zh-CN" });
    await sendLookupCode({ subject: unit(s.subjectKey), phone: s.applicant.phone, channel: channel.code, ip: uniqueIp(), locale: "zh-CN" });
    expect(await smsCount(s.applicant.phone)).toBe(1);

    // Audit row without the code or the token.
    const grant = await db.lookupGrant.findFirstOrThrow({ where: { subjectKey: s.subjectKey } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.lookup_granted", targetId: grant.id } });
    expect(audit.data).toEqual({ method: "sms", subjectType: "UNIT" });
    expect(audit.ip).toBe(ip);
  });

  it("binds the grant to its cookie's token and lets it expire", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id, subjectType: "INDIVIDUAL" });
    const ip = uniqueIp();
    await sendLookupCode({ subject: person(s.subjectKey), phone: s.handlerPhone, channel: channel.code, ip, locale: "zh-CN" });
    const { token } = await verifyLookupCode({ subject: person(s.subjectKey), phone: s.handlerPhone, code: await latestSmsCode(s.handlerPhone), channel: channel.code, ip });

    const row = await db.lookupGrant.findFirstOrThrow({ where: { subjectKey: s.subjectKey } });
    expect(row.tokenHash).not.toContain(token);
    await expect(getLookupResult({ token })).resolves.toMatchObject({ subjectKey: s.subjectKey });
    await expectAppError(getLookupResult({ token: randomBytes(32).toString("base64url") }), "not_found");
    await expectAppError(getLookupResult({ token: row.tokenHash }), "not_found");
    await expectAppError(getLookupResult({ token: null }), "not_found");
    const later = new Date(Date.now() + (LOOKUP_GRANT_SECONDS + 1) * 1000);
    await expectAppError(getLookupResult({ token, now: later }), "not_found", "lifecycleLookup.errors.grantExpired");
  });

  it("personal fallback: a phone three-element or bank-card check opens the ID number's lookup; a failed one does not", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id, subjectType: "INDIVIDUAL" });
    await expectAppError(
      verifyLookupRealName({ method: "PHONE3", idNumber: s.subjectKey, name: "张三", phone: SANDBOX_FAIL_PHONE, channel: channel.code, ip: uniqueIp() }),
      "forbidden",
      "lifecycleLookup.errors.realNameFailed",
    );
    const { token } = await verifyLookupRealName({ method: "PHONE3", idNumber: s.subjectKey, name: "张三", phone: uniquePhone(), channel: channel.code, ip: uniqueIp() });
    expect((await getLookupResult({ token })).certificates.map((c) => c.id)).toEqual([s.sign.id]);
    const bank = await verifyLookupRealName({ method: "BANK4", idNumber: s.subjectKey, name: "张三", phone: uniquePhone(), bankCard: "6200000000000005", channel: channel.code, ip: uniqueIp() });
    expect((await getLookupResult({ token: bank.token })).orders).toHaveLength(1);
  });

  it("unit fallback: the legal representative's ID + phone + captcha, then an SMS code; the captcha answers once", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id });
    const ip = uniqueIp();
    const base = { uscc: s.subjectKey, legalRepIdNumber: s.legalRep.legalRepIdNumber, phone: s.legalRep.legalRepPhone, ip, locale: "zh-CN" as const };

    // A wrong answer uses the captcha up: the right answer afterwards is refused too.
    const c1 = await createLookupCaptcha();
    const wrong = String(Number(solve(c1.question)) + 1);
    await expectAppError(sendLegalRepLookupCode({ ...base, captchaId: c1.captchaId, captchaAnswer: wrong }), "validation_failed");
    await expectAppError(sendLegalRepLookupCode({ ...base, captchaId: c1.captchaId, captchaAnswer: solve(c1.question) }), "conflict", "lifecycleLookup.errors.captchaExpired");
    const stored = await db.lookupCaptcha.findUniqueOrThrow({ where: { id: c1.captchaId } });
    expect(stored.answerHash).not.toBe(solve(c1.question));

    // Ten parallel answers to one captcha (other subjects, other addresses): exactly one is compared.
    const c2 = await createLookupCaptcha();
    const race = await outcomes(Array.from({ length: 10 }, () => sendLegalRepLookupCode({ ...base, uscc: uniqueUscc(), phone: uniquePhone(), ip: uniqueIp(), captchaId: c2.captchaId, captchaAnswer: solve(c2.question) })));
    expect(race.ok).toBe(1);
    expect(race.codes.filter((c) => c === "conflict")).toHaveLength(9);

    // Not the legal representative: the same answer, no SMS.
    const notRep = uniquePhone();
    const c3 = await createLookupCaptcha();
    const a = await sendLegalRepLookupCode({ ...base, phone: notRep, ip: uniqueIp(), captchaId: c3.captchaId, captchaAnswer: solve(c3.question) });
    const c4 = await createLookupCaptcha();
    const b = await sendLegalRepLookupCode({ ...base, ip: uniqueIp(), captchaId: c4.captchaId, captchaAnswer: solve(c4.question) });
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.resendAfter).toBe(b.resendAfter);
    expect(await smsCount(notRep)).toBe(0);

    const code = await latestSmsCode(s.legalRep.legalRepPhone);
    // A handler-route code check does not accept the legal-rep code (different context).
    await expectAppError(verifyLookupCode({ subject: unit(s.subjectKey), phone: s.legalRep.legalRepPhone, code, channel: channel.code, ip: uniqueIp() }), "code_expired");
    const { token } = await verifyLookupCode({ subject: unit(s.subjectKey), phone: s.legalRep.legalRepPhone, code, route: "legal_rep", channel: channel.code, ip: uniqueIp() });
    expect((await getLookupResult({ token })).certificates.map((c) => c.id)).toEqual([s.sign.id]);
  });

  it("rate-limits per subject: 50 parallel attempts from 50 addresses, exactly 5 pass", async () => {
    const channel = await createChannel();
    const subjectKey = uniqueUscc();
    const r = await outcomes(
      Array.from({ length: 50 }, () => sendLookupCode({ subject: unit(subjectKey), phone: uniquePhone(), channel: channel.code, ip: uniqueIp(), locale: "zh-CN" })),
    );
    expect(r.ok).toBe(5);
    expect(r.codes.every((c) => c === "rate_limited")).toBe(true);
  });

  it("rate-limits per address: 50 parallel attempts at 50 subjects from one address, exactly 20 pass", async () => {
    const channel = await createChannel();
    const ip = uniqueIp();
    const r = await outcomes(
      Array.from({ length: 50 }, () => verifyLookupRealName({ method: "PHONE3", idNumber: uniqueIdNumber(), name: "张三", phone: uniquePhone(), channel: channel.code, ip })),
    );
    expect(r.ok).toBe(20);
    expect(r.codes.every((c) => c === "rate_limited")).toBe(true);
  });

  it("rate-limits code guesses: 50 parallel guesses at one subject, exactly 10 reach the code", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id });
    await sendLookupCode({ subject: unit(s.subjectKey), phone: s.handlerPhone, channel: channel.code, ip: uniqueIp(), locale: "zh-CN" });
    const code = await latestSmsCode(s.handlerPhone);
    const wrong = code === "000000" ? "111111" : "000000";
    const r = await outcomes(
      Array.from({ length: 50 }, () => verifyLookupCode({ subject: unit(s.subjectKey), phone: s.handlerPhone, code: wrong, channel: channel.code, ip: uniqueIp() })),
    );
    expect(r.ok).toBe(0);
    expect(r.codes.filter((c) => c === "rate_limited")).toHaveLength(40);
    // Of the 10 that reached it, at most five were compared (the code's own tries); it is dead now.
    await expectAppError(verifyLookupCode({ subject: unit(s.subjectKey), phone: s.handlerPhone, code, channel: channel.code, ip: uniqueIp() }), "rate_limited");
  });
});
