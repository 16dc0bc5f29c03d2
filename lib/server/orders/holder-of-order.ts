import { AppError } from "@/lib/errors";
import { readDraft } from "@/lib/server/orders/order-draft.types";

export type CertificateHolder = { name: string; idNumber: string; phone: string; role: "HANDLER" | "APPLICANT" };

/**
 * The person who controls an order's certificate, as verified when it was applied for: the
 * applicant of an individual certificate, the handler (经办人) of a unit's. Unlock and PIN reset
 * re-verify exactly this person.
 */
export function holderOfOrder(order: { subjectType: "UNIT" | "INDIVIDUAL"; draft: unknown }): CertificateHolder {
  const draft = readDraft(order.draft);
  const person = order.subjectType === "UNIT" ? draft.handler : draft.person;
  if (!person?.name || !person.idNumber || !person.phone) throw new AppError("conflict", { userMessage: "phone.errors.noHolder" });
  return { name: person.name, idNumber: person.idNumber.toUpperCase(), phone: person.phone, role: order.subjectType === "UNIT" ? "HANDLER" : "APPLICANT" };
}
