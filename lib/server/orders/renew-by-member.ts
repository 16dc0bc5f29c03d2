import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { renewBlock } from "@/lib/server/certs/renew-eligibility";
import { createCertRequest } from "@/lib/server/org/create-cert-request";
import { requireMember } from "@/lib/server/org/require-member";

/**
 * 续期 of an enterprise certificate by a MEMBER (no certs.manage): the enterprise's own certificate
 * request (issue 12's createCertRequest: legal person where the channel asks, the administrator's
 * signed approval, then the order) for the platforms chosen (by default those the member is authorized
 * on now), for `years`.
 * The renewal window and the once-only rule are the same as createRenewOrder's.
 */
export async function renewByMember({
  userId,
  certificateId,
  years,
  platformIds: chosen,
  now = new Date(),
}: {
  userId: string;
  certificateId: string;
  years: number;
  /** The platforms to ask for; by default those the member is authorized on now. */
  platformIds?: string[];
  now?: Date;
}) {
  const cert = await db.certificate.findFirst({
    where: { id: certificateId, userId, usage: "SIGN", orgId: { not: null } },
    include: { renewals: { select: { status: true } } },
  });
  if (!cert?.orgId) throw new AppError("not_found");
  const membership = await requireMember({ userId, orgId: cert.orgId, permission: "certs.request" });
  const block = renewBlock(cert, now);
  if (block) throw new AppError("conflict", { userMessage: "lifecycleRenew.errors.notRenewable" });
  const platformIds = chosen?.length
    ? chosen
    : (await db.platformAuthorization.findMany({ where: { membershipId: membership.id, status: "ACTIVE" }, select: { platformId: true } })).map((a) => a.platformId);
  return createCertRequest({ userId, input: { orgId: cert.orgId, platformIds, years } });
}
