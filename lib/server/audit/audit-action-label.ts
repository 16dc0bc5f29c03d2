import type { MessageKey } from "@/lib/i18n/catalogue";
import { resolveAuditAction, type AuditAction } from "./audit-actions";

// Compile-time check: every action has a label in review.audit.actions.
type LabelKey = `review.audit.actions.${AuditAction}`;
const everyActionHasALabel: LabelKey extends MessageKey ? true : false = true;
void everyActionHasALabel;

/** The catalogue key of a stored action's label (legacy names included), or null for a name the desk never wrote. */
export function auditActionLabelKey(stored: string): LabelKey | null {
  const action = resolveAuditAction(stored);
  return action ? `review.audit.actions.${action}` : null;
}
