import { beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/client";
import { ZodError } from "zod";
import { db } from "@/lib/db/client";
import { describeError } from "@/lib/server/http/describe-error";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { saveEnterpriseStep } from "@/lib/server/orders/save-enterprise-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { resumeOrder } from "@/lib/server/orders/resume-order";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { getOrderForUser } from "@/lib/server/orders/get-order-for-user";
import { SubjectBusyError } from "@/lib/server/orders/subject-busy-error";
import { createUser } from "../support/factories";
import { badUscc, createChannel, enterpriseInput, expectAppError, uniqueUscc } from "./orders-fixtures";

let channel: Channel;
beforeAll(async () => {
  channel = await createChannel();
});

async function draftAtEnterprise() {
  const user = await createUser();
  const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code });
  await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "CORP_DEPOSIT", agreed: true } });
  return { user, order };
}

describe("step saves", () => {
  it("refuse a USCC and an ID number with wrong check characters, with a message per field", async () => {
    const { user, order } = await draftAtEnterprise();
    const input = enterpriseInput({ uscc: badUscc(), legalRepIdNumber: "11010519491231002Y", bankAccount: "" });
    const err = await saveEnterpriseStep({ userId: user.id, orderId: order.id, input }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZodError);
    const { status, fields } = describeError(err, "zh-CN");
    expect(status).toBe(422);
    expect(fields?.uscc?.[0]).toContain("统一社会信用代码");
    expect(fields?.legalRepIdNumber?.[0]).toContain("校验位");
    expect(fields?.bankAccount?.[0]).toBe("此项为必填项");
    expect((await getOrderForUser({ userId: user.id, orderId: order.id })).subjectKey).toBeNull();
  });

  it("refuse an individual's ID number with a bad check digit", async () => {
    const user = await createUser();
    const order = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
    const err = await savePersonStep({ userId: user.id, orderId: order.id, input: { name: "王五", idType: "RESIDENT_ID", idNumber: "110105194912310021", phone: "13800138000", email: "a@b.cn" } }).catch((e: unknown) => e);
    expect(describeError(err, "en").fields?.idNumber?.[0]).toContain("check digit");
  });

  it("refuse a method the agreement was not accepted for, or one the channel does not offer", async () => {
    const user = await createUser();
    const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code });
    const noAgree = await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "CORP_DEPOSIT", agreed: false } }).catch((e: unknown) => e);
    expect(describeError(noAgree, "zh-CN").fields?.agreed).toBeTruthy();
    const personal = await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "PERSONAL_DEPOSIT", agreed: true } }).catch((e: unknown) => e);
    expect(describeError(personal, "zh-CN").fields?.method).toBeTruthy();
  });

  it("let nobody else read or write the order (NOT_FOUND)", async () => {
    const { order } = await draftAtEnterprise();
    const stranger = await createUser();
    await expectAppError(saveEnterpriseStep({ userId: stranger.id, orderId: order.id, input: enterpriseInput() }), "not_found");
    await expectAppError(resumeOrder({ userId: stranger.id, orderId: order.id }), "not_found");
    await expectAppError(cancelOrder({ userId: stranger.id, orderId: order.id }), "not_found");
  });
});

describe("one unfinished order per subject", () => {
  it("two parallel creates for one USCC: exactly one succeeds", async () => {
    const user = await createUser();
    const uscc = uniqueUscc();
    const results = await Promise.allSettled(
      [1, 2].map(() => createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code, subject: { key: uscc, name: "并发公司" } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(SubjectBusyError);
    expect(await db.order.count({ where: { subjectKey: uscc } })).toBe(1);
  });

  it("two parallel wizard saves of the same USCC on two drafts: exactly one claims it", async () => {
    const a = await draftAtEnterprise();
    const b = await draftAtEnterprise();
    const input = enterpriseInput();
    const results = await Promise.allSettled([
      saveEnterpriseStep({ userId: a.user.id, orderId: a.order.id, input }),
      saveEnterpriseStep({ userId: b.user.id, orderId: b.order.id, input }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.order.count({ where: { subjectKey: input.uscc } })).toBe(1);
  });

  it("offers the caller's own old order; after cancelling it the new one may proceed", async () => {
    const { user, order: old } = await draftAtEnterprise();
    const input = enterpriseInput();
    await saveEnterpriseStep({ userId: user.id, orderId: old.id, input });
    const fresh = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: fresh.id, input: { method: "CORP_DEPOSIT", agreed: true } });
    const err = (await expectAppError(saveEnterpriseStep({ userId: user.id, orderId: fresh.id, input }), "conflict")) as SubjectBusyError;
    expect(err.blocking).toMatchObject({ id: old.id, no: old.no, status: "DRAFT", isMine: true });

    await cancelOrder({ userId: user.id, orderId: old.id });
    const result = await saveEnterpriseStep({ userId: user.id, orderId: fresh.id, input });
    expect(result.status).toBe("PENDING");
  });

  it("does not reveal another account's order", async () => {
    const { user, order } = await draftAtEnterprise();
    const input = enterpriseInput();
    await saveEnterpriseStep({ userId: user.id, orderId: order.id, input });
    const other = await draftAtEnterprise();
    const err = (await expectAppError(saveEnterpriseStep({ userId: other.user.id, orderId: other.order.id, input }), "conflict")) as SubjectBusyError;
    expect(err.blocking.isMine).toBe(false);
    expect(describeError(err, "zh-CN").message).not.toContain(order.no);
  });
});

describe("cancel and resume", () => {
  it("resume returns the stored step; a cancelled order resumes to its page and cannot be cancelled again", async () => {
    const { user, order } = await draftAtEnterprise();
    expect(await resumeOrder({ userId: user.id, orderId: order.id })).toEqual({ step: "enterprise", path: `/apply/unit/${order.id}/enterprise` });

    await cancelOrder({ userId: user.id, orderId: order.id });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(after.status).toBe("CANCELLED");
    expect(after.cancelledAt).not.toBeNull();
    expect(after.events.map((e) => e.type)).toContain("cancelled");
    expect((await resumeOrder({ userId: user.id, orderId: order.id })).path).toBe(`/orders/${order.id}`);
    await expectAppError(cancelOrder({ userId: user.id, orderId: order.id }), "conflict");
    await expectAppError(saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "CORP_DEPOSIT", agreed: true } }), "conflict");
  });
});
