import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { derToPem } from "@/lib/pki/pem";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { reasonName } from "./revoke-reason-name";
import { ZPlatformCertificateParams, type TCertificateStatus } from "./platform-certificate.types";

/**
 * A certificate's status and chain as JSON, for a platform that would rather not speak OCSP: only
 * for a certificate that completed a scan request with this platform (what it was handed), any
 * other serial is not_found (as unknown). Status is read from the same rows OCSP answers from:
 * valid, revoked (with time and RFC 5280 reason) or expired. The chain is the issuing CA then the
 * root, PEM, as /pki/ca serves them.
 */
export async function getPlatformCertificate({ platformId, serial: raw }: { platformId: string; serial: string }, now = new Date()): Promise<TCertificateStatus> {
  const { serial } = ZPlatformCertificateParams.parse({ serial: raw });
  const certificate = await db.certificate.findFirst({ where: { serialHex: serial.toLowerCase() }, include: { ca: true } });
  const met = certificate ? await db.scanRequest.count({ where: { platformId, certificateId: certificate.id, status: "COMPLETED" } }) : 0;
  if (!certificate || met === 0) throw new AppError("not_found");
  const root = certificate.ca.parentId ? await db.certificateAuthority.findUnique({ where: { id: certificate.ca.parentId } }) : null;
  const status: TCertificateStatus["status"] = certificate.status === "REVOKED" ? "revoked" : certificate.status === "EXPIRED" || certificate.notAfter <= now ? "expired" : "valid";
  const urls = pkiUrls();
  return {
    serial: certificate.serialHex,
    usage: certificate.usage === "SIGN" ? ("sign" as const) : ("encrypt" as const),
    subject: certificate.subjectDn,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    status,
    revokedAt: certificate.revokedAt?.toISOString() ?? null,
    revocationReason: certificate.revocationReason === null ? null : reasonName(certificate.revocationReason),
    certificate: derToPem(certificate.der, "CERTIFICATE"),
    chain: [certificate.ca, ...(root ? [root] : [])].map((ca) => derToPem(ca.certDer, "CERTIFICATE")),
    ocspUrl: urls.ocsp(),
    crlUrl: urls.crl(certificate.caId),
    checkedAt: now.toISOString(),
  };
}
