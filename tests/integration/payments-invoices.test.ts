import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { createPayment } from "@/lib/server/payments/create-payment";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { reissueInvoice } from "@/lib/server/payments/reissue-invoice";
import { readInvoice } from "@/lib/server/payments/read-invoice";
import { listInvoices } from "@/lib/server/payments/list-invoices";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { requestInvoice } from "@/lib/server/payments/request-invoice";
import { emailInvoice } from "@/lib/server/payments/email-invoice";
import { consoleReissueInvoice } from "@/lib/server/payments/console-reissue-invoice";
import { getOrderInvoicing, listInvoiceOrders } from "@/lib/server/payments/get-order-invoicing";
import { createUser } from "../support/factories";
import { createTestOrder, UNIT_INVOICE_DRAFT } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "invoice-")), "x.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, "");
}

async function pay(draft: object, { subjectType = "UNIT" as "UNIT" | "INDIVIDUAL" } = {}) {
  const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT", draft, priceFen: 12_345, subjectType });
  const { paymentId } = await createPayment({ userId: user.id, orderId: order.id, method: "alipay" });
  const result = await confirmSandboxPayment({ paymentId });
  return { order, user, result };
}

describe("invoices", () => {
  it("issues the invoice with the paid amount and e-mails the PDF", async () => {
    const { order, user, result } = await pay(UNIT_INVOICE_DRAFT);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: result.invoiceId! } });
    expect(invoice).toMatchObject({ orderId: order.id, title: "沙箱测试科技有限公司", taxNumber: "91350100M000100Y43", amountFen: 12_345, supersededAt: null });
    expect(invoice.number).toMatch(/^\d{20}$/);
    const pdf = await readInvoice({ userId: user.id, invoiceId: invoice.id });
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe("%PDF-");

    await runDueJobs();
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "finance@example.com", channel: "EMAIL", body: { contains: invoice.number } } });
    expect(mail.subject).toContain(order.no);
    expect(mail.attachments).toEqual([{ filename: `invoice-${invoice.number}.pdf`, contentType: "application/pdf", size: pdf.bytes.length }]);
  });

  it("derives title and tax number from the wizard's goods step when there is no draft.invoice", async () => {
    const { result } = await pay({
      enterprise: { name: "向导测试有限公司", uscc: "91310110666007217T" },
      handler: { email: "handler@example.com" },
      goods: { invoice: { wanted: true, email: "", address: "上海市", phone: "", bank: "", account: "" } },
    });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: result.invoiceId! } })).toMatchObject({ title: "向导测试有限公司", taxNumber: "91310110666007217T" });
  });

  it("issues nothing for an order that wants no invoice", async () => {
    const { order, result } = await pay({ invoice: { type: "none" } });
    expect(result.outcome).toBe("paid");
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("re-issues with corrected fields: new number, old one superseded, the tax number kept", async () => {
    const { user, result } = await pay(UNIT_INVOICE_DRAFT);
    const old = await db.invoice.findUniqueOrThrow({ where: { id: result.invoiceId! } });
    const fresh = (await reissueInvoice({
      userId: user.id,
      invoiceId: old.id,
      fields: { title: "沙箱测试科技有限公司", taxNumber: "91110000000000000X", address: "北京市朝阳区更正路 2 号", email: "new@example.com" },
    }))!;
    expect(fresh.number).not.toBe(old.number);
    expect(fresh).toMatchObject({ taxNumber: "91350100M000100Y43", supersededAt: null });
    expect((fresh.fields as { address: string }).address).toContain("更正路");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: old.id } })).supersededAt).toBeInstanceOf(Date);
    // 红冲: a red-letter note reverses the old invoice (negative amount, its number); all three kept.
    const red = await db.invoice.findFirstOrThrow({ where: { reversesId: old.id } });
    expect(red).toMatchObject({ kind: "RED", amountFen: -12_345, orderId: old.orderId, supersededAt: null });
    expect(fresh.replacesId).toBe(old.id);
    const list = await listInvoices({ userId: user.id, orderId: old.orderId });
    expect(list.map((i) => [i.id, i.state])).toEqual([[fresh.id, "current"], [red.id, "credit_note"], [old.id, "reversed"]]);
    expect(list[1]!.reversesNumber).toBe(old.number);
    expect(pdfText((await readInvoice({ userId: user.id, invoiceId: red.id })).bytes)).toContain(`对应蓝字发票号码：${old.number}`);
    expect(pdfText((await readInvoice({ userId: user.id, invoiceId: red.id })).bytes)).toContain("-123.45");
    // Both PDFs go out together to the corrected address.
    await runDueJobs();
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "new@example.com", channel: "EMAIL" } });
    expect((mail.attachments as Array<{ filename: string }>).map((a) => a.filename)).toEqual([`credit-note-${red.number}.pdf`, `invoice-${fresh.number}.pdf`]);

    expect((await errorOf(reissueInvoice({ userId: user.id, invoiceId: old.id, fields: { title: "x", email: "a@b.cn" } }))).code).toBe("conflict");
    await expect(reissueInvoice({ userId: user.id, invoiceId: fresh.id, fields: { title: "", email: "nope" } })).rejects.toThrow();
  });

  it("lets only the owner download or re-issue", async () => {
    const { result } = await pay(UNIT_INVOICE_DRAFT);
    const stranger = await createUser({ role: "CA_REVIEWER" });
    expect((await errorOf(readInvoice({ userId: stranger.id, invoiceId: result.invoiceId! }))).code).toBe("not_found");
    expect((await errorOf(reissueInvoice({ userId: stranger.id, invoiceId: result.invoiceId!, fields: { title: "x", email: "a@b.cn" } }))).code).toBe("not_found");
  });

  it("requests an invoice after payment for an order that asked for none: title and tax number are the subject's", async () => {
    const { order, user } = await pay({ invoice: { type: "none" }, enterprise: { name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43", bankName: "招商银行", bankBranch: "北京分行", bankAccount: "6225881234567890" } });
    await db.order.update({ where: { id: order.id }, data: { status: "COMPLETED" } });
    const before = await getOrderInvoicing({ userId: user.id, orderId: order.id });
    // The form starts from the 对公账户 the wizard verified.
    expect(before).toMatchObject({ canRequest: true, current: null, paidFen: 12_345, buyer: { title: "沙箱测试科技有限公司", taxNumber: "91350100M000100Y43" }, defaults: { bank: "招商银行 北京分行", account: "6225881234567890" } });
    // A title or tax number in the input is ignored: they are the subject's.
    const invoice = await requestInvoice({ userId: user.id, orderId: order.id, input: { title: "别的公司", taxNumber: "X", email: "after@example.com", address: "北京市" } });
    expect(invoice).toMatchObject({ kind: "BLUE", title: "沙箱测试科技有限公司", taxNumber: "91350100M000100Y43", amountFen: 12_345, issuedById: user.id });
    expect(pdfText((await readInvoice({ userId: user.id, invoiceId: invoice.id })).bytes)).toContain("沙箱测试科技有限公司");
    await runDueJobs();
    expect(await db.outboxMessage.count({ where: { to: "after@example.com", body: { contains: invoice.number } } })).toBe(1);
    expect((await getOrderInvoicing({ userId: user.id, orderId: order.id })).canRequest).toBe(false);
    expect((await errorOf(requestInvoice({ userId: user.id, orderId: order.id, input: { email: "a@b.cn" } }))).userMessage).toBe("invoices.errors.alreadyIssued");
    expect((await listInvoiceOrders({ userId: user.id })).map((o) => [o.orderId, o.current?.id])).toEqual([[order.id, invoice.id]]);
  });

  it("refuses an invoice for an unpaid order or someone else's, and titles a person's invoice with their name", async () => {
    const { order: unpaid, user } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    expect((await errorOf(requestInvoice({ userId: user.id, orderId: unpaid.id, input: { email: "a@b.cn" } }))).userMessage).toBe("invoices.errors.notPaid");
    const { order } = await pay({ invoice: { type: "none" } }, { subjectType: "INDIVIDUAL" });
    expect((await errorOf(requestInvoice({ userId: user.id, orderId: order.id, input: { email: "a@b.cn" } }))).code).toBe("not_found");
    const owner = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).userId;
    const invoice = await requestInvoice({ userId: owner, orderId: order.id, input: { email: "person@example.com" } });
    expect(invoice).toMatchObject({ title: "沙箱测试科技有限公司", taxNumber: null });
  });

  it("20 parallel requests issue one invoice", async () => {
    const { order, user } = await pay({ invoice: { type: "none" } });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => requestInvoice({ userId: user.id, orderId: order.id, input: { email: "race@example.com" } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("20 parallel re-issues of one invoice: one red-letter note, one new invoice, 19 conflicts", async () => {
    const { user, result } = await pay(UNIT_INVOICE_DRAFT);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => reissueInvoice({ userId: user.id, invoiceId: result.invoiceId!, fields: { email: `r${i}@example.com` } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    const rows = await db.invoice.findMany({ where: { orderId: result.orderId } });
    expect(rows.map((r) => `${r.kind}:${r.supersededAt ? "reversed" : "open"}`).sort()).toEqual(["BLUE:open", "BLUE:reversed", "RED:open"]);
  });

  it("sends an invoice again by e-mail, to its address or another, at most 5 an hour (20 parallel → 5)", async () => {
    const { user, result } = await pay(UNIT_INVOICE_DRAFT);
    expect(await emailInvoice({ userId: user.id, invoiceId: result.invoiceId!, input: {} })).toEqual({ to: "finance@example.com" });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => emailInvoice({ userId: user.id, invoiceId: result.invoiceId!, input: { email: "other@example.com" } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("rate_limited");
    await runDueJobs();
    expect(await db.outboxMessage.count({ where: { to: "other@example.com", channel: "EMAIL" } })).toBe(4);
    const stranger = await createUser();
    expect((await errorOf(emailInvoice({ userId: stranger.id, invoiceId: result.invoiceId!, input: {} }))).code).toBe("not_found");
  });

  it("CA staff see and re-issue any order's invoice with a reason the buyer sees; applicants may not", async () => {
    const { user, result } = await pay(UNIT_INVOICE_DRAFT);
    const staff = await createUser({ role: "CA_REVIEWER" });
    expect((await errorOf(consoleReissueInvoice({ staff: user, invoiceId: result.invoiceId!, input: { email: "x@example.com", note: "地址有误" } }))).code).toBe("forbidden");
    const { invoice } = await consoleReissueInvoice({ staff, invoiceId: result.invoiceId!, input: { email: "fixed@example.com", address: "北京市更正路 3 号", note: "购买方来电更正地址" } });
    expect(invoice).toMatchObject({ note: "购买方来电更正地址", issuedById: staff.id, title: "沙箱测试科技有限公司" });
    const seen = await getOrderInvoicing({ userId: user.id, orderId: result.orderId! });
    expect(seen.current).toMatchObject({ id: invoice.id, note: "购买方来电更正地址", email: "fixed@example.com" });
    expect(seen.invoices.map((i) => i.state)).toEqual(["current", "credit_note", "reversed"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: invoice.id, action: "invoice.reissued" } });
    expect(audit.actorId).toBe(staff.id);
  });
});
