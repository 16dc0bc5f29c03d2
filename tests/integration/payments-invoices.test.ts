import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { createPayment } from "@/lib/server/payments/create-payment";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { reissueInvoice } from "@/lib/server/payments/reissue-invoice";
import { readInvoice } from "@/lib/server/payments/read-invoice";
import { listInvoices } from "@/lib/server/payments/list-invoices";
import { createUser } from "../support/factories";
import { createTestOrder, UNIT_INVOICE_DRAFT } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function pay(draft: object) {
  const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT", draft, priceFen: 12_345 });
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
    const list = await listInvoices({ userId: user.id, orderId: old.orderId });
    expect(list.map((i) => i.id)).toEqual([fresh.id, old.id]);

    expect((await errorOf(reissueInvoice({ userId: user.id, invoiceId: old.id, fields: { title: "x", email: "a@b.cn" } }))).code).toBe("conflict");
    await expect(reissueInvoice({ userId: user.id, invoiceId: fresh.id, fields: { title: "", email: "nope" } })).rejects.toThrow();
  });

  it("lets only the owner download or re-issue", async () => {
    const { result } = await pay(UNIT_INVOICE_DRAFT);
    const stranger = await createUser({ role: "CA_REVIEWER" });
    expect((await errorOf(readInvoice({ userId: stranger.id, invoiceId: result.invoiceId! }))).code).toBe("not_found");
    expect((await errorOf(reissueInvoice({ userId: stranger.id, invoiceId: result.invoiceId!, fields: { title: "x", email: "a@b.cn" } }))).code).toBe("not_found");
  });
});
