import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import { ZConsoleReissueSchema } from "./invoice-fields.types";
import { reissueInvoiceCore } from "./reissue-invoice-core";

/** CA staff (invoices.manage) re-issue any order's invoice: 红冲 + 重开 with a reason the buyer sees. */
export async function consoleReissueInvoice({ staff, invoiceId, input }: { staff: { id: string; role: Role }; invoiceId: string; input: unknown }) {
  assertPermission(staff, "invoices.manage");
  const { note, ...fields } = ZConsoleReissueSchema.parse(input);
  return db.$transaction((tx) => reissueInvoiceCore(tx, { invoiceId, input: fields, actorId: staff.id, note }), { timeout: 30_000, maxWait: 15_000 });
}
