"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { emailInvoice } from "@/lib/server/payments/email-invoice";
import { ZEmailInvoiceSchema, ZInvoiceRequestSchema } from "@/lib/server/payments/invoice-fields.types";
import { reissueInvoice } from "@/lib/server/payments/reissue-invoice";
import { requestInvoice } from "@/lib/server/payments/request-invoice";
import { ZId } from "@/lib/validators/id";

// 申请发票 after payment (desk order page, phone 开票管理).
export const requestInvoiceAction = userAction({ args: z.tuple([ZId, ZInvoiceRequestSchema]) }, async ({ user, args: [orderId, input] }) => {
  const invoice = await requestInvoice({ userId: user.id, orderId, input });
  return { id: invoice.id, number: invoice.number };
});

// 重开发票: 红冲 + 重开 with corrected fields.
export const reissueInvoiceAction = userAction({ args: z.tuple([ZId, ZInvoiceRequestSchema]) }, async ({ user, args: [invoiceId, input] }) => {
  const invoice = await reissueInvoice({ userId: user.id, invoiceId, fields: input });
  return { id: invoice.id, number: invoice.number };
});

// 发送到邮箱: the PDF again, to its address or another.
export const emailInvoiceAction = userAction({ args: z.tuple([ZId, ZEmailInvoiceSchema]) }, async ({ user, args: [invoiceId, input] }) => emailInvoice({ userId: user.id, invoiceId, input }));
