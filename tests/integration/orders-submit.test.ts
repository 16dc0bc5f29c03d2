import { beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { describeError } from "@/lib/server/http/describe-error";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { sendSignCode } from "@/lib/server/orders/send-sign-code";
import { signApplication } from "@/lib/server/orders/sign-application";
import { hashAgreement, AGREEMENT_VERSION } from "@/lib/server/orders/agreement";
import { applicationContent } from "@/lib/server/orders/application-content";
import { createAuthorizationLink } from "@/lib/server/orders/create-authorization-link";
import { signAuthorization } from "@/lib/server/orders/sign-authorization";
import { sendAuthorizationCode } from "@/lib/server/orders/send-authorization-code";
import { getAuthorizationStatus } from "@/lib/server/orders/get-authorization-status";
import { completeMaterialsStep } from "@/lib/server/orders/complete-materials-step";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { latestSmsCode } from "../support/outbox";
import { uniqueIp } from "../support/factories";
import { addMaterials, createChannel, expectAppError } from "./orders-fixtures";
import { individualOrderAtMaterials, signedIndividualOrder, signUnitOrder, unitOrderAtMaterials } from "./orders-flow";

let channel: Channel;
let manualChannel: Channel;
beforeAll(async () => {
  channel = await createChannel({ autoApproveIndividual: true });
  manualChannel = await createChannel({ autoApproveIndividual: false });
});

async function pay(orderId: string) {
  const payment = await db.payment.create({ data: { orderId, provider: "sandbox", amountFen: 1, status: "SUCCEEDED", paidAt: new Date() } });
  await db.$transaction((tx) => onOrderPaid(tx, { orderId, paymentId: payment.id }));
  return db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: true } });
}

describe("application signature", () => {
  it("needs the SMS code sent to the handler for this order; stores what was agreed and when", async () => {
    const { user, order, handler } = await unitOrderAtMaterials({ channelCode: channel.code });
    await addMaterials(order.id, ["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK", "AUTHORIZATION_LETTER"]);
    await sendSignCode({ userId: user.id, orderId: order.id, ip: uniqueIp(), locale: "zh-CN" });
    const code = await latestSmsCode(handler.phone as string);
    const wrong = code === "000000" ? "111111" : "000000";

    const err = await expectAppError(signApplication({ userId: user.id, orderId: order.id, input: { code: wrong, agreed: true } }), "code_invalid");
    expect(err.fields?.code).toBeTruthy();
    const notAgreed = await signApplication({ userId: user.id, orderId: order.id, input: { code, agreed: false } }).catch((e: unknown) => e);
    expect(describeError(notAgreed, "zh-CN").fields?.agreed).toBeTruthy();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("DRAFT");

    const signed = await signApplication({ userId: user.id, orderId: order.id, input: { code, agreed: true } });
    expect(signed.status).toBe("AWAITING_PAYMENT");
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.agreementVersion).toBe(AGREEMENT_VERSION);
    expect(row.agreementHash).toBe(hashAgreement(applicationContent(row)));
    expect(row.signedAt).not.toBeNull();
    expect(row.priceFen).toBe(38000);

    // The code is spent: it cannot sign again.
    await expectAppError(signApplication({ userId: user.id, orderId: order.id, input: { code, agreed: true } }), "conflict");
    // Submission notices: SMS to the account and email to the handler.
    await runDueJobs();
    expect(await db.outboxMessage.findFirst({ where: { to: user.phone, body: { contains: order.no } } })).not.toBeNull();
    expect(await db.outboxMessage.findFirst({ where: { to: "handler@example.com", channel: "EMAIL", body: { contains: order.no } } })).not.toBeNull();
  });

  it("refuses a code sent for another order", async () => {
    const a = await unitOrderAtMaterials({ channelCode: channel.code });
    const b = await unitOrderAtMaterials({ channelCode: channel.code, handler: { phone: a.handler.phone } });
    await addMaterials(b.order.id, ["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK", "AUTHORIZATION_LETTER"]);
    await sendSignCode({ userId: a.user.id, orderId: a.order.id, ip: uniqueIp(), locale: "zh-CN" });
    const codeForA = await latestSmsCode(a.handler.phone as string);
    await expectAppError(signApplication({ userId: b.user.id, orderId: b.order.id, input: { code: codeForA, agreed: true } }), "code_expired");
  });
});

describe("legal representative's authorization by SMS link", () => {
  it("is required when the handler is not the legal rep, and counts once signed with the legal rep's code", async () => {
    const { user, order } = await unitOrderAtMaterials({ channelCode: channel.code });
    await addMaterials(order.id, ["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK"]);
    const missing = await expectAppError(completeMaterialsStep({ userId: user.id, orderId: order.id }), "validation_failed");
    expect(Object.keys(missing.fields ?? {})).toEqual(["AUTHORIZATION_LETTER"]);

    await createAuthorizationLink({ userId: user.id, orderId: order.id, locale: "zh-CN" });
    await runDueJobs();
    const draft = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).draft as { enterprise: { legalRepPhone: string } };
    const sms = await db.outboxMessage.findFirstOrThrow({ where: { to: draft.enterprise.legalRepPhone }, orderBy: { createdAt: "desc" } });
    const token = sms.body.match(/\/authorize\/([\w-]+)/)![1]!;
    expect((await getAuthorizationStatus({ userId: user.id, orderId: order.id }))?.status).toBe("SENT");

    await sendAuthorizationCode({ token, ip: uniqueIp(), locale: "zh-CN" });
    const code = await latestSmsCode(draft.enterprise.legalRepPhone);
    await expectAppError(signAuthorization({ token: `${token}x`, input: { code, agreed: true } }), "not_found");
    await signAuthorization({ token, input: { code, agreed: true } });
    expect((await getAuthorizationStatus({ userId: user.id, orderId: order.id }))?.status).toBe("SIGNED");
    await expectAppError(signAuthorization({ token, input: { code, agreed: true } }), "gone");
    expect((await completeMaterialsStep({ userId: user.id, orderId: order.id })).nextPath).toBe(`/apply/unit/${order.id}/sign`);
  });
});

describe("the materials step names what is missing", () => {
  it("an individual: the missing ID side, and no word of an authorization letter", async () => {
    const { user, order } = await individualOrderAtMaterials({ channelCode: channel.code });
    await addMaterials(order.id, ["ID_FRONT"]);
    const err = describeError(await expectAppError(completeMaterialsStep({ userId: user.id, orderId: order.id }), "validation_failed"), "zh-CN");
    expect(err.message).toBe("还有材料未上传");
    expect(err.fields).toEqual({ ID_BACK: ["请上传此材料"] });
    expect(JSON.stringify(err)).not.toContain("授权书");
  });

  it("a unit whose handler is not the legal representative: uploads and the authorization, each named", async () => {
    const { user, order } = await unitOrderAtMaterials({ channelCode: channel.code });
    await addMaterials(order.id, ["HANDLER_ID_FRONT", "HANDLER_ID_BACK"]);
    const both = describeError(await expectAppError(completeMaterialsStep({ userId: user.id, orderId: order.id }), "validation_failed"), "zh-CN");
    expect(both.message).toBe("还有材料未上传，法定代表人授权书也未上传或签署");
    expect(both.fields).toEqual({ BUSINESS_LICENSE: ["请上传此材料"], AUTHORIZATION_LETTER: ["请上传盖章授权书，或由法定代表人通过短信链接签署"] });
    await addMaterials(order.id, ["BUSINESS_LICENSE"]);
    const letter = describeError(await expectAppError(completeMaterialsStep({ userId: user.id, orderId: order.id }), "validation_failed"), "zh-CN");
    expect(letter.message).toBe("法定代表人授权书未上传或签署");
    expect(Object.keys(letter.fields ?? {})).toEqual(["AUTHORIZATION_LETTER"]);
  });
});

describe("onOrderPaid", () => {
  it("moves a unit order to IN_REVIEW; a doubled call is a no-op", async () => {
    const { user, order, handler } = await unitOrderAtMaterials({ channelCode: channel.code });
    await signUnitOrder({ userId: user.id, orderId: order.id, handlerPhone: handler.phone as string });
    const paid = await pay(order.id);
    expect(paid.status).toBe("IN_REVIEW");
    expect(paid.paidAt).not.toBeNull();
    const again = await pay(order.id);
    expect(again.status).toBe("IN_REVIEW");
    expect(again.events.filter((e) => e.type === "paid")).toHaveLength(1);
  });

  it("approves an individual at once on a channel that auto-approves after a passed real-name check", async () => {
    const { order } = await signedIndividualOrder({ channelCode: channel.code });
    const paid = await pay(order.id);
    expect(paid.status).toBe("APPROVED");
    expect(paid.approvedAt).not.toBeNull();
    expect(paid.events.map((e) => e.type)).toContain("paid_auto_approved");
  });

  it("sends an individual to review on a channel that does not auto-approve", async () => {
    const { order } = await signedIndividualOrder({ channelCode: manualChannel.code });
    expect((await pay(order.id)).status).toBe("IN_REVIEW");
  });

  it("sends a mail-in order to AWAITING_PAPER", async () => {
    const { order } = await signedIndividualOrder({ channelCode: channel.code, offline: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    expect((await pay(order.id)).status).toBe("AWAITING_PAPER");
  });

  it("lets a free subject skip payment and go straight to review", async () => {
    const { user, order, handler } = await unitOrderAtMaterials({ channelCode: channel.code });
    const subjectKey = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).subjectKey!;
    await db.freeSubject.create({ data: { channelId: channel.id, subjectKey } });
    const signed = await signUnitOrder({ userId: user.id, orderId: order.id, handlerPhone: handler.phone as string });
    expect(signed.status).toBe("IN_REVIEW");
    expect(signed.priceFen).toBe(0);
  });
});
