import type { Order } from "@/lib/generated/prisma/client";
import { readDraft } from "./order-draft.types";

/** Who signs the application by SMS code: the handler of a unit, the applicant of an individual certificate. */
export function signerPhone(order: Pick<Order, "subjectType" | "draft">): string | undefined {
  const draft = readDraft(order.draft);
  // A unit's renewal is confirmed by the enterprise's certificate administrator (ADMIN or CERT_ADMIN).
  if (draft.renewal) return draft.renewal.approverPhone;
  return order.subjectType === "UNIT" ? draft.handler?.phone : draft.person?.phone;
}
