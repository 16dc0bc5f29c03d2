import { openSecret, sealSecret } from "@/lib/db/seal";
import type { Tx } from "@/lib/db/client";
import type { IdType } from "@/lib/generated/prisma/enums";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import type { EnterpriseDetails } from "./upsert-organization";

type LegalRep = { legalRepName: string; legalRepIdType: IdType; legalRepIdNumber: string };

// A verification without an order keeps the legal representative (full ID number) sealed in the check's
// subject, bound to the check: the subject is otherwise masked evidence.
const aad = (checkId: string) => `identity-check:${checkId}:legal-rep`;
export const sealLegalRep = (checkId: string, rep: LegalRep) => sealSecret(new TextEncoder().encode(JSON.stringify(rep)), aad(checkId));

/**
 * Which enterprise a PASSED check verified, or null when it verified none: a 对公打款 check (ENTERPRISE) with
 * or without an order, or the legal representative's check of a unit order's enterprise step. The details
 * come from the order's draft, or for a verification alone from the check's subject (name, USCC) and its
 * sealed legal representative. The account's own legal-rep check (verifyLegalRep, no order) is not one.
 */
export async function enterpriseFromCheck(tx: Tx, { checkId }: { checkId: string }) {
  const check = await tx.identityCheck.findUniqueOrThrow({ where: { id: checkId }, select: { id: true, userId: true, orderId: true, method: true, role: true, subject: true } });
  const isDeposit = check.method === "CORP_DEPOSIT" && check.role === "ENTERPRISE";
  if (!isDeposit && !(check.role === "LEGAL_REP" && check.orderId)) return null;
  const via = isDeposit ? ("deposit" as const) : ("legal_rep" as const);
  if (check.orderId) {
    const order = await tx.order.findUniqueOrThrow({ where: { id: check.orderId }, select: { subjectType: true, draft: true } });
    const e = readDraft(order.draft).enterprise;
    if (order.subjectType !== "UNIT" || !e) return null;
    return { userId: check.userId, checkId, via, orderId: check.orderId, enterprise: e satisfies EnterpriseDetails };
  }
  const s = (check.subject ?? {}) as Record<string, string>;
  if (!s.name || !s.uscc || !s.legalRep) return null;
  const rep = JSON.parse(new TextDecoder().decode(openSecret(s.legalRep, aad(check.id)))) as LegalRep;
  return { userId: check.userId, checkId, via, orderId: null, enterprise: { name: s.name, uscc: s.uscc, ...rep } satisfies EnterpriseDetails };
}
