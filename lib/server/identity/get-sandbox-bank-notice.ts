import { AppError } from "@/lib/errors";
import { isIdentitySandbox } from "@/lib/identity/get-identity-provider";
import { SANDBOX_BANK_NOTICE_TEMPLATE } from "@/lib/identity/sandbox-identity-provider";
import { db } from "@/lib/db/client";
import { loadVisibleCheck } from "./load-visible-check";

/**
 * What the sandbox bank shows the account holder for a micro-deposit check (the transfer and its
 * memo). Only while the sandbox provider is active, and only to the user who started the check.
 */
export async function getSandboxBankNotice({ userId, checkId }: { userId: string; checkId: string }) {
  if (!isIdentitySandbox()) throw new AppError("not_found");
  const check = await loadVisibleCheck({ userId, checkId, ownerOnly: true });
  if (check.method !== "CORP_DEPOSIT" && check.method !== "PERSONAL_DEPOSIT") throw new AppError("not_found");
  const notice = check.providerRef
    ? await db.outboxMessage.findFirst({ where: { providerRef: check.providerRef, template: SANDBOX_BANK_NOTICE_TEMPLATE } })
    : null;
  return { check, notice: notice ? { body: notice.body, at: notice.createdAt } : null };
}
