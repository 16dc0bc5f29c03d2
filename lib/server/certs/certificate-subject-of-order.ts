import type { TCertSubject } from "@/lib/server/certs/issue-certificates.types";
import { AppError } from "@/lib/errors";
import { readDraft } from "@/lib/server/orders/order-draft.types";

/** The certificate subject an approved order names: the unit (name + USCC) or the person. */
export function certificateSubjectOfOrder(order: { subjectType: "UNIT" | "INDIVIDUAL"; subjectKey: string | null; subjectName: string | null; draft: unknown }): TCertSubject {
  const draft = readDraft(order.draft);
  if (order.subjectType === "UNIT") {
    const orgName = draft.enterprise?.name ?? order.subjectName;
    const uscc = draft.enterprise?.uscc ?? order.subjectKey;
    if (!orgName || !uscc) throw new AppError("conflict", { userMessage: "phone.errors.noHolder" });
    return { type: "UNIT", orgName, uscc };
  }
  const name = draft.person?.name ?? order.subjectName;
  const idNumber = draft.person?.idNumber ?? order.subjectKey;
  if (!name || !idNumber) throw new AppError("conflict", { userMessage: "phone.errors.noHolder" });
  return { type: "INDIVIDUAL", name, idNumber };
}
