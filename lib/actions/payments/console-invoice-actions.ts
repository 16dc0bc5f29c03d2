"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { consoleReissueInvoice } from "@/lib/server/payments/console-reissue-invoice";
import { ZConsoleReissueSchema } from "@/lib/server/payments/invoice-fields.types";
import { ZId } from "@/lib/validators/id";

// 发票管理: CA staff reverse an invoice and re-issue it, with a reason the buyer sees.
export const consoleReissueInvoiceAction = userAction({ args: z.tuple([ZId, ZConsoleReissueSchema]), permission: "invoices.manage" }, async ({ user, args: [invoiceId, input] }) => {
  const { invoice } = await consoleReissueInvoice({ staff: user, invoiceId, input });
  revalidatePath("/console/invoices");
  return { id: invoice.id, number: invoice.number };
});
