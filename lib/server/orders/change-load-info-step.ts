import { db } from "@/lib/db/client";
import { voidableSealsOf } from "@/lib/server/orders/change-seals";
import { readDraft } from "./order-draft.types";
import type { WizardStepContext } from "./wizard-order.types";

/** The change-info step: the certificate being changed, what may change, and what a change means. */
export async function loadChangeInfoStep({ order }: WizardStepContext) {
  const { change } = readDraft(order.draft);
  const cert = order.changesCertificateId
    ? await db.certificate.findUnique({ where: { id: order.changesCertificateId }, select: { id: true, serialHex: true, subjectName: true, notAfter: true, orderId: true } })
    : null;
  return {
    orderId: order.id,
    isUnit: order.subjectType === "UNIT",
    certificate: cert && { serialHex: cert.serialHex, subjectName: cert.subjectName, notAfter: cert.notAfter },
    before: change?.before ?? null,
    seals: cert ? await voidableSealsOf({ certificateId: cert.id, orderId: cert.orderId }) : [],
  };
}
