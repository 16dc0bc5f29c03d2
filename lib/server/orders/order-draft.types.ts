import type { TEnterpriseStep } from "./save-enterprise-step.types";
import type { THandlerStep } from "./save-handler-step.types";
import type { TPersonStep } from "./save-person-step.types";
import type { TGoodsStep } from "./save-goods-step.types";

/** Order.draft: what each wizard step saved, plus the identity checks they started. */
export type TOrderDraft = {
  agreedUserAgreementAt?: string;
  enterprise?: TEnterpriseStep;
  person?: TPersonStep;
  handler?: THandlerStep;
  goods?: TGoodsStep;
  // Identity check ids by what was checked; the newest check for each role decides.
  checks?: { subject?: string; handler?: string };
  /** How the legal rep authorizes a handler who is not the legal rep. */
  authorizationMode?: "upload" | "sms";
  /** A RENEW order of a unit: the certificate administrator whose SMS code signs it (docs/lifecycle.md). */
  renewal?: { approverPhone: string };
  /** A CHANGE order (证书变更, docs/lifecycle.md): the certificate it changes and its subject as certified. */
  change?: TChangeDraft;
};

/** The subject's details before the change: what the review shows as 变更前 and the USCC / ID number that must stay. */
export type TChangeBefore =
  | { type: "UNIT"; name: string; uscc: string; legalRepName: string; legalRepIdNumber: string; legalRepPhone: string | null; address: string | null }
  | { type: "INDIVIDUAL"; name: string; idNumber: string };

export type TChangeDraft = {
  certificateId: string;
  before: TChangeBefore;
  /** When the holder confirmed the warnings (new keys, seals voided) before submitting. */
  acknowledgedAt?: string;
};

export function readDraft(draft: unknown): TOrderDraft {
  return (draft && typeof draft === "object" ? draft : {}) as TOrderDraft;
}
