import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZPlatformCertificateParams } from "@/lib/server/certs/platform-certificate.types";
import { platformAuthorizationFor } from "./check-platform-authorization";
import type { TCertificateAuthorization } from "./platform-organization.types";

/**
 * GET /api/v1/certificates/:serial/authorization: may the holder of this certificate use it on the
 * calling platform now (the very check a scan makes, platformAuthorizationFor), and on what basis: a
 * personal certificate, the enterprise's administrator, or an authorization granted for this platform
 * (with its time); when not, the failReason a scan would end with and when the last authorization was
 * revoked. Only for a certificate that completed a scan request with this platform; any other serial
 * is not_found, as an unknown one.
 */
export async function getPlatformAuthorization({ platformId, serial: raw }: { platformId: string; serial: string }, now = new Date()): Promise<TCertificateAuthorization> {
  const { serial } = ZPlatformCertificateParams.parse({ serial: raw });
  const certificate = await db.certificate.findFirst({
    where: { serialHex: serial.toLowerCase() },
    select: { id: true, serialHex: true, userId: true, orgId: true, org: { select: { name: true, uscc: true } } },
  });
  const met = certificate ? await db.scanRequest.count({ where: { platformId, certificateId: certificate.id, status: "COMPLETED" } }) : 0;
  if (!certificate || met === 0) throw new AppError("not_found");
  const base = { serial: certificate.serialHex, checkedAt: now.toISOString() };
  if (!certificate.org || !certificate.orgId) {
    return { ...base, organization: null, authorized: true, basis: "personal_certificate", refusal: null, grantedAt: null, revokedAt: null };
  }
  const organization = { name: certificate.org.name, uscc: certificate.org.uscc };
  const check = certificate.userId
    ? await platformAuthorizationFor({ userId: certificate.userId, certificate, platformId })
    : ({ allowed: false, reason: "not_a_member" } as const);
  const membership = certificate.userId
    ? await db.membership.findFirst({ where: { orgId: certificate.orgId, userId: certificate.userId }, select: { id: true, role: true, status: true } })
    : null;
  const latest = membership
    ? await db.platformAuthorization.findFirst({ where: { membershipId: membership.id, platformId }, orderBy: { grantedAt: "desc" }, select: { status: true, grantedAt: true, revokedAt: true } })
    : null;
  if (check.allowed) {
    const isAdmin = membership?.role === "ADMIN";
    return {
      ...base,
      organization,
      authorized: true,
      basis: isAdmin ? "administrator" : "authorization",
      refusal: null,
      grantedAt: !isAdmin && latest?.status === "ACTIVE" ? latest.grantedAt.toISOString() : null,
      revokedAt: null,
    };
  }
  return { ...base, organization, authorized: false, basis: null, refusal: check.reason, grantedAt: null, revokedAt: latest?.revokedAt?.toISOString() ?? null };
}
