import { beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { verifyAccountRealName } from "@/lib/server/identity/verify-account-real-name";
import { matchesVerifiedPerson } from "@/lib/server/identity/matches-verified-person";
import { createOrder } from "@/lib/server/orders/create-order";
import { loadSubjectStep } from "@/lib/server/orders/load-subject-step";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { maskIdNumber } from "@/lib/validators/mask";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { createChannel, uniqueIdNumber } from "./orders-fixtures";

// 实名认证 once per account (issue 18): the first check is recorded on the account with the exact ID number (as a
// keyed hash); a later individual order of that person on the account's own number is not checked again (no
// provider call, a PASSED check row from the account), its person step starts with the verified name and the
// number; another person, another number or an ID that only shares the masked form is checked as before, and
// that exact identity is what reissue and the account's own re-check must match.

let channel: Channel;
beforeAll(async () => {
  channel = await createChannel();
});

/** Another valid ID number with the same masked form (region, last four) but another birth date: another person. */
function sameMaskOtherPerson(idNumber: string) {
  const seq = idNumber.slice(14, 17);
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= 28; day++) {
      const body = `${idNumber.slice(0, 6)}1985${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${seq}`;
      const candidate = body + idNumberCheckChar(body);
      if (candidate !== idNumber && maskIdNumber(candidate) === maskIdNumber(idNumber)) return candidate;
    }
  }
  throw new Error("no same-mask number found");
}

async function verified(name: string) {
  const user = await createUser();
  const idNumber = uniqueIdNumber();
  expect((await verifyAccountRealName({ userId: user.id, input: { name, idType: "RESIDENT_ID", idNumber } })).status).toBe("PASSED");
  return { user, idNumber };
}

async function individualOrder(userId: string) {
  const order = await createOrder({ userId, subjectType: "INDIVIDUAL", channelCode: channel.code });
  await saveMethodStep({ userId, orderId: order.id, input: { method: "PHONE3", agreed: true } });
  return order;
}
const providerChecks = (userId: string) => db.identityCheck.count({ where: { userId, provider: { not: "account" } } });

describe("实名认证 once per account", () => {
  it("a verified account's later individual order: the person step starts with the verified name and the account's number and passes without another provider check", async () => {
    const { user, idNumber } = await verified("冯十");
    const order = await individualOrder(user.id);
    const withChannel = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { channel: true } });
    const step = await loadSubjectStep({ user: { id: user.id, phone: user.phone } as SessionUser, order: withChannel });
    expect(step.person).toEqual({ name: "冯十", phone: user.phone });
    const before = await providerChecks(user.id);

    const outcome = await savePersonStep({ userId: user.id, orderId: order.id, input: { name: "冯十", idType: "RESIDENT_ID", idNumber, phone: user.phone, email: "f@example.test" } });
    expect(outcome.status).toBe("PASSED");
    expect(outcome.nextPath).toBeTruthy();
    expect(await providerChecks(user.id)).toBe(before);
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { draft: true, step: true } });
    const checkId = (row.draft as { checks?: { subject?: string } }).checks?.subject;
    const check = await db.identityCheck.findUniqueOrThrow({ where: { id: checkId! } });
    expect(check).toMatchObject({ orderId: order.id, method: "PHONE3", role: "APPLICANT", status: "PASSED", provider: "account" });
    expect(check.subject).toMatchObject({ idNumber: maskIdNumber(idNumber) });
    expect(row.step).not.toBe("person");
  });

  it("another number, or an ID number that only shares the masked form, is checked by the provider as before", async () => {
    const { user, idNumber } = await verified("陈十一");
    const before = await providerChecks(user.id);
    const a = await individualOrder(user.id);
    await savePersonStep({ userId: user.id, orderId: a.id, input: { name: "陈十一", idType: "RESIDENT_ID", idNumber, phone: "13800138000", email: "c@example.test" } });
    expect(await providerChecks(user.id)).toBe(before + 1);
    const lookalike = sameMaskOtherPerson(idNumber);
    const b = await individualOrder(user.id);
    await savePersonStep({ userId: user.id, orderId: b.id, input: { name: "陈十一", idType: "RESIDENT_ID", idNumber: lookalike, phone: user.phone, email: "c@example.test" } });
    expect(await providerChecks(user.id)).toBe(before + 2);
  });

  it("the exact identity decides: an ID sharing the masked form is another person for the account's re-check and for reissue's rule", async () => {
    const { user, idNumber } = await verified("楚十二");
    const lookalike = sameMaskOtherPerson(idNumber);
    const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { realName: true, idNumberMasked: true, idNumberHash: true, realNameVerifiedAt: true } });
    expect(account.idNumberHash).toBeTruthy();
    expect(account.idNumberHash).not.toContain(idNumber);
    expect(matchesVerifiedPerson(account, { name: "楚十二", idNumber })).toBe(true);
    expect(matchesVerifiedPerson(account, { name: "楚十二", idNumber: lookalike })).toBe(false);
    await db.rateLimitHit.updateMany({ where: { key: `identity:real-name:${user.id}` }, data: { createdAt: new Date(Date.now() - 61_000) } });
    await expectAppError(verifyAccountRealName({ userId: user.id, input: { name: "楚十二", idType: "RESIDENT_ID", idNumber: lookalike } }), "conflict", "identity.realName.errors.otherPerson");
  });

  it("an account verified before the number was kept gets it from the same person's next pass", async () => {
    const { user, idNumber } = await verified("卫十三");
    await db.user.update({ where: { id: user.id }, data: { idNumberHash: null } });
    const order = await individualOrder(user.id);
    // Not reusable yet (masked form only): the provider checks, and the pass stores the exact number.
    await savePersonStep({ userId: user.id, orderId: order.id, input: { name: "卫十三", idType: "RESIDENT_ID", idNumber, phone: user.phone, email: "w@example.test" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { idNumberHash: true } })).idNumberHash).toBeTruthy();
  });
});
