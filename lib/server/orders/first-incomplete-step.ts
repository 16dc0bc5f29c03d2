import type { Order } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/server/db/client";
import { checkPassed } from "./check-passed";
import { readDraft } from "./order-draft.types";
import type { WizardStep } from "./wizard-steps";

/**
 * The first step before confirmation whose data is missing or whose identity check has not
 * passed, or null. The resume point alone is not trusted: a user may edit step 2 after step 4.
 */
export async function firstIncompleteStep(order: Pick<Order, "id" | "subjectType" | "offline" | "verificationMethod" | "draft" | "years" | "priceFen">, client: Db | Tx = db): Promise<WizardStep | null> {
  const draft = readDraft(order.draft);
  if (!order.verificationMethod || !draft.agreedUserAgreementAt) return "method";
  const isUnit = order.subjectType === "UNIT";
  const subjectStep = isUnit ? "enterprise" : "person";
  if (!(isUnit ? draft.enterprise : draft.person)) return subjectStep;
  const subjectOk = order.offline || (await checkPassed(client, { orderId: order.id, checkId: draft.checks?.subject }));
  if (!subjectOk) return subjectStep;
  if (isUnit) {
    if (!draft.handler) return "handler";
    const legalRepCovers = draft.handler.isLegalRep && order.verificationMethod !== "CORP_DEPOSIT";
    const handlerOk = order.offline || legalRepCovers || (await checkPassed(client, { orderId: order.id, checkId: draft.checks?.handler }));
    if (!handlerOk) return "handler";
  }
  if (!draft.goods || order.years === null || order.priceFen === null) return "goods";
  return null;
}
