import { beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SANDBOX_FAIL_ID_NUMBER } from "@/lib/identity/sandbox-identities";
import { verifyAccountRealName } from "@/lib/server/identity/verify-account-real-name";
import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { createJoinRequest } from "@/lib/server/org/create-join-request";
import { generatePlatformSecret } from "@/lib/server/platforms/generate-platform-secret";
import { maskIdNumber } from "@/lib/validators/mask";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { createChannel, uniqueIdNumber, uniqueUscc } from "./orders-fixtures";

// 实名认证 of the account holder: a PHONE3 check with the account's own number through the identity
// domain (sandbox provider); the pass sets User.realName / idNumberMasked / realNameVerifiedAt with the
// audit row; joining an enterprise needs it.

const person = (name = "张三", idNumber = uniqueIdNumber()) => ({ name, idType: "RESIDENT_ID" as const, idNumber });
const FAILING = { name: "李四", idType: "RESIDENT_ID" as const, idNumber: SANDBOX_FAIL_ID_NUMBER };

const accountOf = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { realName: true, idNumberMasked: true, realNameVerifiedAt: true } });
const checksOf = (userId: string) => db.identityCheck.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const verifiedAudits = (userId: string) => db.auditLog.findMany({ where: { action: "user.real_name_verified", targetId: userId } });
/** The one-at-a-time slot is kept a minute after a pass: move it back, as if the minute were over. */
const afterAMinute = (userId: string) => db.rateLimitHit.updateMany({ where: { key: `identity:real-name:${userId}` }, data: { createdAt: new Date(Date.now() - 61_000) } });

let channel: Channel;
beforeAll(async () => {
  channel = await createChannel();
});

describe("verifyAccountRealName", () => {
  it("a pass records the name, the masked ID and the time, with the audit row and the check; never the full number", async () => {
    const user = await createUser();
    const input = person("张三", uniqueIdNumber().replace(/X$/, "x"));
    const idNumber = input.idNumber.toUpperCase();
    const before = await getAccountRealName({ userId: user.id });
    expect(before).toEqual({ isVerified: false, realName: null, idNumberMasked: null, verifiedAt: null });

    const result = await verifyAccountRealName({ userId: user.id, input });
    expect(result.status).toBe("PASSED");
    expect(result.account).toMatchObject({ isVerified: true, realName: "张三", idNumberMasked: maskIdNumber(idNumber) });

    const account = await accountOf(user.id);
    expect(account.realName).toBe("张三");
    expect(account.idNumberMasked).toBe(maskIdNumber(idNumber));
    expect(account.realNameVerifiedAt).toBeInstanceOf(Date);

    // The check: the account holder's own three-element check on the account's own number, no order.
    const [check, ...more] = await checksOf(user.id);
    expect(more).toHaveLength(0);
    expect(check).toMatchObject({ id: result.checkId, method: "PHONE3", role: "APPLICANT", status: "PASSED", orderId: null, provider: "sandbox" });
    expect(check!.subject).toMatchObject({ idNumber: maskIdNumber(idNumber), phone: `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}` });

    const [audit, ...moreAudits] = await verifiedAudits(user.id);
    expect(moreAudits).toHaveLength(0);
    expect(audit).toMatchObject({ actorId: user.id, targetType: "user", targetId: user.id });
    expect(audit!.data).toEqual({ identityCheckId: result.checkId });

    // Nowhere in the user row, the check or the audit rows is the full ID number.
    const audits = await db.auditLog.findMany({ where: { OR: [{ targetId: user.id }, { targetId: check!.id }] } });
    const stored = JSON.stringify([await db.user.findUniqueOrThrow({ where: { id: user.id } }), check, audits], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain(idNumber.slice(6, 14));
  });

  it("a failing sandbox identity sets nothing: FAILED with the provider's reason, the check recorded as failed", async () => {
    const user = await createUser();
    const result = await verifyAccountRealName({ userId: user.id, input: FAILING });
    expect(result).toMatchObject({ status: "FAILED", failReason: "name_id_mismatch", account: { isVerified: false } });
    expect(await accountOf(user.id)).toEqual({ realName: null, idNumberMasked: null, realNameVerifiedAt: null });
    expect((await checksOf(user.id)).map((c) => c.status)).toEqual(["FAILED"]);
    expect(await verifiedAudits(user.id)).toHaveLength(0);
    // A failure frees the account at once: the corrected details go through without waiting.
    expect((await verifyAccountRealName({ userId: user.id, input: person("李四") })).status).toBe("PASSED");
  });

  it("a malformed ID number (wrong check character) is a field error, and no check is started", async () => {
    const user = await createUser();
    const good = uniqueIdNumber();
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const err = await expectAppError(verifyAccountRealName({ userId: user.id, input: person("张三", bad) }), "validation_failed");
    expect(err.fields?.idNumber).toEqual(["wizard.errors.idNumberInvalid"]);
    expect(await checksOf(user.id)).toHaveLength(0);
  });

  it("a verified account verifies again only with the same person; another person is refused before any check", async () => {
    const user = await createUser();
    const me = person("王小明");
    await verifyAccountRealName({ userId: user.id, input: me });
    const first = await accountOf(user.id);

    for (const other of [person("赵六"), person("王小明"), { ...me, name: "王晓明" }]) {
      await expectAppError(verifyAccountRealName({ userId: user.id, input: other }), "conflict", "identity.realName.errors.otherPerson");
    }
    expect(await checksOf(user.id)).toHaveLength(1);
    expect(await accountOf(user.id)).toEqual(first);

    // Right after a pass the slot is still held; a minute later the same person verifies again (a new time, a new audit row).
    await expectAppError(verifyAccountRealName({ userId: user.id, input: me }), "conflict", "identity.realName.errors.busy");
    await afterAMinute(user.id);
    const again = await verifyAccountRealName({ userId: user.id, input: { ...me, idNumber: me.idNumber.toLowerCase() } });
    expect(again.status).toBe("PASSED");
    const now = await accountOf(user.id);
    expect(now.realName).toBe("王小明");
    expect(now.idNumberMasked).toBe(first.idNumberMasked);
    expect(now.realNameVerifiedAt!.getTime()).toBeGreaterThanOrEqual(first.realNameVerifiedAt!.getTime());
    expect(await verifiedAudits(user.id)).toHaveLength(2);
  });

  it("an ID already verified on another account is allowed (a new number) and that account is named in the audit row", async () => {
    const me = person("陈一");
    const oldAccount = await createUser();
    await verifyAccountRealName({ userId: oldAccount.id, input: me });
    const newAccount = await createUser();
    const result = await verifyAccountRealName({ userId: newAccount.id, input: me });
    expect(result.status).toBe("PASSED");
    expect((await accountOf(newAccount.id)).idNumberMasked).toBe(maskIdNumber(me.idNumber));
    const [audit] = await verifiedAudits(newAccount.id);
    expect(audit!.data).toEqual({ identityCheckId: result.checkId, sameIdentityOn: [oldAccount.id] });
    // The old account keeps its verification.
    expect((await accountOf(oldAccount.id)).realNameVerifiedAt).not.toBeNull();
  });

  it("10 parallel submissions: one check row, one outcome, one audit row; the others are refused as busy", async () => {
    const user = await createUser();
    const input = person("孙七");
    const settled = await Promise.allSettled(Array.from({ length: 10 }, () => verifyAccountRealName({ userId: user.id, input })));
    const passed = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
    expect(passed).toHaveLength(1);
    expect(passed[0]!.status === "fulfilled" && passed[0]!.value.status).toBe("PASSED");
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe("conflict");
      expect((r.reason as AppError).userMessage).toBe("identity.realName.errors.busy");
    }
    expect(await checksOf(user.id)).toHaveLength(1);
    expect(await verifiedAudits(user.id)).toHaveLength(1);
  });

  it("two different people submitted in parallel on one account: only one is ever recorded", async () => {
    const user = await createUser();
    const [a, b] = [person("周甲"), person("吴乙")];
    const settled = await Promise.allSettled([...Array.from({ length: 5 }, () => verifyAccountRealName({ userId: user.id, input: a })), ...Array.from({ length: 5 }, () => verifyAccountRealName({ userId: user.id, input: b }))]);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const account = await accountOf(user.id);
    expect(["周甲", "吴乙"]).toContain(account.realName);
    expect(await verifiedAudits(user.id)).toHaveLength(1);
    expect((await checksOf(user.id)).filter((c) => c.status === "PASSED")).toHaveLength(1);
  });

  it("the wizard's rate limit applies (30 checks an hour per account, shared with the wizard), also under concurrency", async () => {
    const user = await createUser();
    // Failures free the one-at-a-time slot at once, so only the hourly limit stops them.
    for (let i = 0; i < 25; i++) expect((await verifyAccountRealName({ userId: user.id, input: FAILING })).status).toBe("FAILED");
    // Ten at once with five left: never more than the five.
    const burst = await Promise.allSettled(Array.from({ length: 10 }, () => verifyAccountRealName({ userId: user.id, input: FAILING })));
    const ran = burst.filter((s) => s.status === "fulfilled").length;
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(ran).toBeLessThanOrEqual(5);
    for (const s of burst) if (s.status === "rejected") expect(["conflict", "rate_limited"]).toContain((s.reason as AppError).code);
    // Then one at a time until the limit answers.
    let refusal: AppError | null = null;
    for (let i = 0; i < 10 && !refusal; i++) {
      refusal = await verifyAccountRealName({ userId: user.id, input: FAILING }).then(() => null, (e: AppError) => e);
    }
    expect(refusal?.code).toBe("rate_limited");
    expect(refusal?.retryAfter).toBeGreaterThan(0);
    expect(await checksOf(user.id)).toHaveLength(30);
    // A passing person is refused too while the window is full, and nothing is recorded.
    await expectAppError(verifyAccountRealName({ userId: user.id, input: person() }), "rate_limited");
    expect((await accountOf(user.id)).realNameVerifiedAt).toBeNull();
    expect(await checksOf(user.id)).toHaveLength(30);
  });
});

describe("the wizard's own check of the account holder", () => {
  it("an individual order's applicant PHONE3 check on the account's own number verifies the account", async () => {
    const user = await createUser();
    const order = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
    const idNumber = uniqueIdNumber();
    const outcome = await savePersonStep({ userId: user.id, orderId: order.id, input: { name: "郑八", idType: "RESIDENT_ID", idNumber, phone: user.phone, email: "z@example.test" } });
    expect(outcome.status).toBe("PASSED");
    expect(await accountOf(user.id)).toMatchObject({ realName: "郑八", idNumberMasked: maskIdNumber(idNumber) });
    const [audit] = await verifiedAudits(user.id);
    expect(audit!.data).toEqual({ identityCheckId: outcome.checkId });
  });

  it("not when the applicant's number is not the account's, nor for another person once the account is verified", async () => {
    const user = await createUser();
    const order = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
    const other = { name: "钱九", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: "13800138000", email: "q@example.test" };
    expect((await savePersonStep({ userId: user.id, orderId: order.id, input: other })).status).toBe("PASSED");
    expect((await accountOf(user.id)).realNameVerifiedAt).toBeNull();

    const me = person("冯十");
    await verifyAccountRealName({ userId: user.id, input: me });
    const verified = await accountOf(user.id);
    const order2 = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: order2.id, input: { method: "PHONE3", agreed: true } });
    const stranger = { name: "褚十一", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: user.phone, email: "c@example.test" };
    expect((await savePersonStep({ userId: user.id, orderId: order2.id, input: stranger })).status).toBe("PASSED");
    expect(await accountOf(user.id)).toEqual(verified);
    expect(await verifiedAudits(user.id)).toHaveLength(1);
  });
});

describe("joining an enterprise needs the verified account", () => {
  it("createJoinRequest refuses the account before 实名认证 and accepts it after", async () => {
    const org = await db.organization.create({
      data: { name: "实名测试科技有限公司", uscc: uniqueUscc(), legalRepName: "李法人", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: uniqueIdNumber(), verifiedAt: new Date() },
    });
    const admin = await createUser();
    await db.user.update({ where: { id: admin.id }, data: { realName: "王管理", realNameVerifiedAt: new Date() } });
    await db.membership.create({ data: { orgId: org.id, userId: admin.id, role: "ADMIN" } });
    const code = `tp-rn-${Date.now().toString(36)}`;
    const { secret: _secret, ...stored } = generatePlatformSecret(code);
    const platform = await db.tradingPlatform.create({ data: { code, name: "实名测试交易平台", clientId: `${code}-c`, callbackUrls: [], ...stored } });
    const input = { uscc: org.uscc, adminName: "王管理", adminPhone: admin.phone, platformIds: [platform.id], years: 1 };

    const joiner = await createUser();
    await expectAppError(createJoinRequest({ userId: joiner.id, input }), "forbidden", "orgRequests.errors.notVerified");
    expect((await verifyAccountRealName({ userId: joiner.id, input: person("蒋加入") })).status).toBe("PASSED");
    const request = await createJoinRequest({ userId: joiner.id, input });
    expect(request).toMatchObject({ orgId: org.id, status: "PENDING_ADMIN" });
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: request.requestId } })).toMatchObject({ kind: "JOIN", requesterId: joiner.id });
  });
});
