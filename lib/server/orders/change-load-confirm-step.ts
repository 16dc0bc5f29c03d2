import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { changeQuote } from "./change-quote";
import { changeRows } from "./change-diff";
import { voidableSealsOf } from "./change-seals";
import { firstIncompleteStep } from "./first-incomplete-step";
import { readDraft } from "./order-draft.types";
import { stepBefore, wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The change's confirmation: old against new, the price, the seals that will be voided, the key warning. */
export async function loadChangeConfirmStep({ order }: WizardStepContext) {
  const missing = await firstIncompleteStep(order);
  if (missing) redirect(wizardPath(order, missing));
  const draft = readDraft(order.draft);
  const cert = order.changesCertificateId
    ? await db.certificate.findUnique({ where: { id: order.changesCertificateId }, select: { id: true, serialHex: true, orderId: true } })
    : null;
  const quote = await changeQuote(db, { channelId: order.channelId, subjectKey: order.subjectKey });
  return {
    orderId: order.id,
    serialHex: cert?.serialHex ?? "",
    rows: draft.change ? changeRows(draft.change.before, draft) : [],
    priceFen: quote.totalFen,
    seals: cert ? await voidableSealsOf({ certificateId: cert.id, orderId: cert.orderId }) : [],
    backHref: wizardPath(order, stepBefore(order, "change-confirm")),
  };
}
