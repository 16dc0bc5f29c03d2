import type { Order } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db/client";
import { checkPassed } from "./check-passed";
import { readDraft } from "./order-draft.types";
import { wizardStepDefinitions, type WizardStep } from "./wizard-steps";

/**
 * The first step before confirmation whose data is missing or whose identity check has not
 * passed (each step's completion check in the wizard registry), or null. The resume point alone is
 * not trusted: a user may edit step 2 after step 4.
 */
export async function firstIncompleteStep(order: Pick<Order, "id" | "kind" | "subjectType" | "offline" | "verificationMethod" | "draft" | "years" | "priceFen">, client: Db | Tx = db): Promise<WizardStep | null> {
  const ctx = { order, draft: readDraft(order.draft), isCheckPassed: (checkId: string | undefined) => checkPassed(client, { orderId: order.id, checkId }) };
  for (const step of wizardStepDefinitions(order)) {
    if (step.isComplete && !(await step.isComplete(ctx))) return step.slug;
  }
  return null;
}
