import { db } from "@/lib/db/client";
import { HOLDER_REVOKE_REASONS } from "@/lib/server/certs/revoke-holder.types";
import { readRevokeDraft } from "./revoke-draft";
import { wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The revocation wizard's last step: the certificate and its pair, the reasons a holder may pick. */
export async function revokeLoadStep({ order }: WizardStepContext) {
  const certificateId = readRevokeDraft(order.draft).revoke?.certificateId ?? "";
  const certificate = await db.certificate.findUnique({ where: { id: certificateId }, select: { id: true, serialHex: true, subjectName: true, notAfter: true, orderId: true, status: true } });
  const pair = certificate?.orderId ? await db.certificate.findMany({ where: { orderId: certificate.orderId, status: "VALID" }, select: { serialHex: true, usage: true }, orderBy: { usage: "asc" } }) : [];
  return {
    orderId: order.id,
    certificate: certificate && { serialHex: certificate.serialHex, subjectName: certificate.subjectName, notAfter: certificate.notAfter.toISOString(), isValid: certificate.status === "VALID" },
    pair,
    reasons: HOLDER_REVOKE_REASONS,
    backHref: wizardPath(order, "materials"),
  };
}
