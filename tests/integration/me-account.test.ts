import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { SANDBOX_IDENTITIES } from "@/lib/identity/sandbox-identities";
import { confirmDepositCode } from "@/lib/server/identity/confirm-deposit-code";
import { addBankCard } from "@/lib/server/identity/add-bank-card";
import { listBankCards } from "@/lib/server/identity/list-bank-cards";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { unbindBankCard } from "@/lib/server/identity/unbind-bank-card";
import { createPayment } from "@/lib/server/payments/create-payment";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { listBills } from "@/lib/server/payments/list-bills";
import { renderPaymentReceipt } from "@/lib/server/payments/render-payment-receipt";
import { answerFeedback } from "@/lib/server/support/answer-feedback";
import { consoleListFeedback } from "@/lib/server/support/console-feedback";
import { createFeedback } from "@/lib/server/support/create-feedback";
import { listMyFeedback } from "@/lib/server/support/list-feedback";
import { readFeedbackScreenshot } from "@/lib/server/support/read-feedback-screenshot";
import { createUser } from "../support/factories";
import { createTestOrder } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "receipt-")), "x.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, "");
}

const ZHANG = { name: "张三", idNumber: "11010519491231002X" };
const PASS_CARD = "6200000000000005";

/** An account whose 实名认证 is 张三 (a passing PHONE3 check on its own number). */
async function verifiedUser() {
  const user = await createUser();
  await startIdentityCheck({ userId: user.id, method: "PHONE3", role: "APPLICANT", subject: { ...ZHANG, phone: user.phone } });
  return user;
}

describe("账单管理", () => {
  it("lists the paid payments of the caller's orders with a receipt; a payment never made is no bill", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT", priceFen: 30_000, draft: { invoice: { type: "none" } } });
    const { paymentId } = await createPayment({ userId: user.id, orderId: order.id, method: "alipay" });
    expect(await listBills({ userId: user.id })).toEqual([]);
    await confirmSandboxPayment({ paymentId });
    const [bill] = await listBills({ userId: user.id });
    expect(bill).toMatchObject({ paymentId, orderNo: order.no, status: "SUCCEEDED", method: "alipay", amountFen: 30_000, receiptUrl: `/api/payments/${paymentId}/receipt`, invoiceUrl: null });
    const receipt = pdfText((await renderPaymentReceipt({ userId: user.id, paymentId })).bytes);
    expect(receipt).toContain("付款凭证");
    expect(receipt).toContain(order.no);
    expect(receipt).toContain("¥300.00");
    expect(receipt).toContain("支付宝");
    const stranger = await createUser();
    expect(await listBills({ userId: stranger.id })).toEqual([]);
    expect((await errorOf(renderPaymentReceipt({ userId: stranger.id, paymentId }))).code).toBe("not_found");
  });
});

describe("银行卡管理", () => {
  it("keeps the cards the holder's own checks used (verified when the check passes), not a legal rep's", async () => {
    const user = await createUser();
    const bank4 = SANDBOX_IDENTITIES.find((i) => i.method === "BANK4" && i.expect === "PASSED")!;
    await startIdentityCheck({ userId: user.id, method: "BANK4", role: "APPLICANT", subject: bank4.subject });
    await startIdentityCheck({ userId: user.id, method: "BANK4", role: "LEGAL_REP", subject: { ...bank4.subject, bankCard: "6222020200112233446" } });
    const corp = SANDBOX_IDENTITIES.find((i) => i.method === "CORP_DEPOSIT" && i.expect === "PASSED")!;
    const { order } = await createTestOrder({ userId: user.id });
    const deposit = await startIdentityCheck({ userId: user.id, orderId: order.id, method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: corp.subject });
    let cards = await listBankCards({ userId: user.id });
    expect(cards.map((c) => [c.kind, c.numberMasked, c.verifiedBy])).toEqual([
      ["CORPORATE", "****2345", null],
      ["PERSONAL", "6200 **** **** 0005", "BANK4"],
    ]);
    expect(cards[1]!.holderName).toBe("张*");
    const msg = await db.outboxMessage.findFirstOrThrow({ where: { to: user.phone, template: "sandbox_bank_notice" }, orderBy: { createdAt: "desc" } });
    await confirmDepositCode({ userId: user.id, checkId: deposit.checkId, code: msg.body.match(/验证码(\d{6})/)![1]! });
    cards = await listBankCards({ userId: user.id });
    expect(cards[0]).toMatchObject({ kind: "CORPORATE", holderName: "沙箱测试科技有限公司", bankName: "中国工商银行", verifiedBy: "CORP_DEPOSIT" });
    // The number itself is never stored.
    const raw = JSON.stringify(await db.bankCard.findMany({ where: { userId: user.id } }));
    expect(raw).not.toContain(PASS_CARD);
    expect(raw).not.toContain("0200001009000012345");
  });

  it("adds a card of the verified person by 四要素 only; 20 parallel unbinds → 1; a re-added card is verified again", async () => {
    const unverified = await createUser();
    expect((await errorOf(addBankCard({ userId: unverified.id, input: { ...ZHANG, bankCard: PASS_CARD, phone: unverified.phone } }))).userMessage).toBe("me.cards.needRealName");
    const user = await verifiedUser();
    const other = await errorOf(addBankCard({ userId: user.id, input: { idNumber: "110101199003070011", bankCard: PASS_CARD, phone: user.phone } }));
    expect(other.fields).toEqual({ idNumber: ["me.cards.errors.notAccountHolder"] });
    const failed = await errorOf(addBankCard({ userId: user.id, input: { idNumber: ZHANG.idNumber, bankCard: "6200000000000047", phone: user.phone } }));
    expect(failed.fields).toEqual({ bankCard: ["me.cards.errors.bank4Failed"] });
    const card = await addBankCard({ userId: user.id, input: { idNumber: ZHANG.idNumber, bankCard: "6200 0000 0000 0005", bankName: "中国银联测试银行", phone: user.phone } });
    expect(await listBankCards({ userId: user.id })).toEqual([expect.objectContaining({ id: card.id, bankName: "中国银联测试银行", verifiedBy: "BANK4", numberMasked: "6200 **** **** 0005" })]);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => unbindBankCard({ userId: user.id, cardId: card.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await listBankCards({ userId: user.id })).toEqual([]);
    expect((await errorOf(unbindBankCard({ userId: unverified.id, cardId: card.id }))).code).toBe("not_found");

    const again = await addBankCard({ userId: user.id, input: { idNumber: ZHANG.idNumber, bankCard: PASS_CARD, phone: user.phone } });
    expect(again.id).toBe(card.id);
    expect(await listBankCards({ userId: user.id })).toEqual([expect.objectContaining({ id: card.id, verifiedBy: "BANK4" })]);
  });
});

describe("我的反馈", () => {
  const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } }).png().toBuffer().then((b) => new Uint8Array(b));

  it("takes feedback with a screenshot judged by content, answered once from the console inbox, the answer shown to the user", async () => {
    const user = await createUser();
    const staff = await createUser({ role: "CA_REVIEWER" });
    const notAnImage = new TextEncoder().encode("<script>alert(1)</script>".repeat(20));
    expect((await errorOf(createFeedback({ userId: user.id, fields: { topic: "APP", body: "扫码后页面一直转圈，无法确认登录" }, file: notAnImage }))).fields).toEqual({ file: ["me.feedback.errors.screenshotType"] });
    await expect(createFeedback({ userId: user.id, fields: { topic: "APP", body: "太短" }, file: null })).rejects.toThrow(/me.feedback.errors.bodyLength/);

    const { id } = await createFeedback({ userId: user.id, fields: { topic: "APP", body: "扫码后页面一直转圈，无法确认登录" }, file: await png() });
    const shot = await readFeedbackScreenshot({ viewer: user, feedbackId: id });
    expect(shot.mime).toBe("image/png");
    expect((await sharp(Buffer.from(shot.bytes)).metadata()).width).toBe(40);
    expect((await readFeedbackScreenshot({ viewer: staff, feedbackId: id, asStaff: true })).mime).toBe("image/png");
    const stranger = await createUser();
    expect((await errorOf(readFeedbackScreenshot({ viewer: stranger, feedbackId: id }))).code).toBe("not_found");
    expect((await errorOf(readFeedbackScreenshot({ viewer: stranger, feedbackId: id, asStaff: true }))).code).toBe("not_found");

    expect((await consoleListFeedback({ staff, status: "OPEN" })).some((f) => f.id === id)).toBe(true);
    expect((await errorOf(answerFeedback({ staff: user, feedbackId: id, input: { answer: "请更新 App" } }))).code).toBe("forbidden");
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => answerFeedback({ staff, feedbackId: id, input: { answer: `请在「设置」中清除缓存后重试（${i}）` } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");

    const [mine] = await listMyFeedback({ userId: user.id });
    expect(mine).toMatchObject({ id, status: "ANSWERED", screenshotUrl: `/api/feedback/${id}/screenshot` });
    expect(mine!.answer).toMatch(/^请在「设置」中清除缓存后重试/);
    const inbox = await db.inboxMessage.findMany({ where: { userId: user.id } });
    expect(inbox).toEqual([expect.objectContaining({ title: "您的反馈有回复了", link: "/m/me/feedback" })]);
  });

  it("takes at most 5 feedbacks a day per account (20 parallel → 5)", async () => {
    const user = await createUser();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => createFeedback({ userId: user.id, fields: { topic: "OTHER", body: "希望增加夜间模式，晚上看着刺眼" }, file: null })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("rate_limited");
    expect(await db.feedback.count({ where: { userId: user.id } })).toBe(5);
  });
});
