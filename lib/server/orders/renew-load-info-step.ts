import { db } from "@/lib/db/client";
import { readDraft } from "./order-draft.types";
import type { WizardStepContext } from "./wizard-order.types";

/** The renew-info step: the certificate being renewed and the information the new one will carry. */
export async function loadRenewInfoStep({ order }: WizardStepContext) {
  const cert = order.renewsCertificateId
    ? await db.certificate.findUnique({ where: { id: order.renewsCertificateId }, select: { serialHex: true, subjectName: true, notAfter: true } })
    : null;
  const { enterprise, person, handler, renewal } = readDraft(order.draft);
  return {
    orderId: order.id,
    certificate: cert,
    enterprise: enterprise ? { name: enterprise.name, uscc: enterprise.uscc } : null,
    person: person ? { name: person.name, idNumber: person.idNumber } : null,
    handlerName: handler?.name ?? null,
    hasApprover: Boolean(renewal),
  };
}
