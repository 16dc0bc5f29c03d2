import { db } from "@/lib/db/client";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { daysLeft } from "@/lib/server/certs/certificate-reminders";
import { renewBlock, renewOpensAt, type RenewBlock } from "@/lib/server/certs/renew-eligibility";
import { wizardPath } from "./wizard-steps";

export type RenewableCertificate = {
  id: string;
  serialHex: string;
  subjectName: string;
  subjectType: "UNIT" | "INDIVIDUAL";
  notAfter: Date;
  daysLeft: number;
  block: RenewBlock | null;
  opensAt: Date;
  /** Enterprise certificate of a member without certs.manage: renewal goes through the enterprise. */
  isMemberRequest: boolean;
  /** The open RENEW draft to continue, if any. */
  resumePath: string | null;
};

/** Desk /renew and the phone: the caller's signing certificates, each renewable now or why not. */
export async function listRenewableCertificates({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<RenewableCertificate[]> {
  const certs = await db.certificate.findMany({
    where: { userId, usage: "SIGN" },
    orderBy: { notAfter: "asc" },
    select: {
      id: true,
      serialHex: true,
      subjectName: true,
      subjectType: true,
      status: true,
      notAfter: true,
      orgId: true,
      renewals: { where: { userId }, select: { id: true, status: true, step: true, kind: true, subjectType: true } },
    },
  });
  const orgIds = [...new Set(certs.map((c) => c.orgId).filter((id): id is string => Boolean(id)))];
  const memberships = orgIds.length
    ? await db.membership.findMany({ where: { userId, orgId: { in: orgIds }, status: "ACTIVE" }, select: { orgId: true, role: true } })
    : [];
  return certs.map((c) => {
    const role = memberships.find((m) => m.orgId === c.orgId)?.role;
    const draft = c.renewals.find((r) => r.status === "DRAFT" || r.status === "AWAITING_PAYMENT");
    return {
      id: c.id,
      serialHex: c.serialHex,
      subjectName: c.subjectName,
      subjectType: c.subjectType,
      notAfter: c.notAfter,
      daysLeft: daysLeft(c.notAfter, now),
      block: renewBlock(c, now),
      opensAt: renewOpensAt(c.notAfter),
      isMemberRequest: Boolean(c.orgId) && !(role && hasOrgPermission(role, "certs.manage")),
      resumePath: draft ? wizardPath(draft, draft.status === "DRAFT" ? draft.step : "pay") : null,
    };
  });
}
