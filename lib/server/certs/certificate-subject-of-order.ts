import type { TCertSubject } from "@/lib/server/certs/issue-certificates.types";
import { AppError } from "@/lib/errors";
import { readDraft } from "@/lib/server/orders/order-draft.types";

/**
 * The certificate subject an approved order names: the unit (name + USCC) or the person. A unit's order
 * references its Organization (from submission on), whose registered details win over what the wizard's
 * draft held: a member's order has no draft of its own, and a changed enterprise is certified as it is now.
 * A CHANGE order is the exception: its draft holds the approved new name (the Organization follows at issuance).
 */
export function certificateSubjectOfOrder(order: {
  kind?: "NEW" | "RENEW" | "CHANGE" | "REVOKE" | "REISSUE";
  subjectType: "UNIT" | "INDIVIDUAL";
  subjectKey: string | null;
  subjectName: string | null;
  draft: unknown;
  org?: { name: string; uscc: string; deletedAt: Date | null } | null;
}): TCertSubject {
  const draft = readDraft(order.draft);
  if (order.subjectType === "UNIT") {
    if (order.org?.deletedAt) throw new AppError("conflict", { userMessage: "phone.errors.noHolder" });
    // A change (证书变更) certifies the approved new details; the Organization takes them in the same transaction.
    const orgName = (order.kind === "CHANGE" ? draft.enterprise?.name : undefined) ?? order.org?.name ?? draft.enterprise?.name ?? order.subjectName;
    const uscc = order.org?.uscc ?? draft.enterprise?.uscc ?? order.subjectKey;
    if (!orgName || !uscc) throw new AppError("conflict", { userMessage: "phone.errors.noHolder" });
    return { type: "UNIT", orgName, uscc };
  }
  const name = draft.person?.name ?? order.subjectName;
  const idNumber = draft.person?.idNumber ?? order.subjectKey;
  if (!name || !idNumber) throw new AppError("conflict", { userMessage: "phone.errors.noHolder" });
  return { type: "INDIVIDUAL", name, idNumber };
}
