import { db } from "@/lib/db/client";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { wizardPath } from "./wizard-steps";

export type ChangeableCertificate = {
  id: string;
  serialHex: string;
  subjectName: string;
  subjectType: "UNIT" | "INDIVIDUAL";
  notAfter: Date;
  /** An enterprise certificate of a member without certs.manage: the enterprise's administrator changes it. */
  isMemberOnly: boolean;
  /** The caller's open CHANGE draft of it, to continue. */
  resumePath: string | null;
  /** A change submitted, approved or awaiting payment: nothing to start. */
  isInProgress: boolean;
};

/** Desk /change: the caller's VALID signing certificates (enterprise ones marked where the role may not change them). */
export async function listChangeableCertificates({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<ChangeableCertificate[]> {
  const certs = await db.certificate.findMany({
    where: { userId, usage: "SIGN", status: "VALID", notAfter: { gt: now } },
    orderBy: { notAfter: "asc" },
    select: {
      id: true,
      serialHex: true,
      subjectName: true,
      subjectType: true,
      notAfter: true,
      orgId: true,
      changes: { where: { status: { in: ["DRAFT", "AWAITING_PAYMENT", "IN_REVIEW", "REJECTED", "APPROVED"] } }, select: { id: true, status: true, step: true, kind: true, subjectType: true, userId: true } },
    },
  });
  const orgIds = [...new Set(certs.map((c) => c.orgId).filter((id): id is string => Boolean(id)))];
  const memberships = orgIds.length ? await db.membership.findMany({ where: { userId, orgId: { in: orgIds }, status: "ACTIVE" }, select: { orgId: true, role: true } }) : [];
  return certs.map((c) => {
    const role = memberships.find((m) => m.orgId === c.orgId)?.role;
    const open = c.changes[0];
    const mine = open && open.userId === userId ? open : null;
    const resumeStep = mine?.status === "DRAFT" ? mine.step : mine?.status === "AWAITING_PAYMENT" ? "pay" : null;
    return {
      id: c.id,
      serialHex: c.serialHex,
      subjectName: c.subjectName,
      subjectType: c.subjectType,
      notAfter: c.notAfter,
      isMemberOnly: Boolean(c.orgId) && !(role && hasOrgPermission(role, "certs.manage")),
      resumePath: mine && resumeStep ? wizardPath(mine, resumeStep) : null,
      isInProgress: Boolean(open) && !resumeStep,
    };
  });
}
