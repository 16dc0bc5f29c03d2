import { AppError } from "@/lib/errors";
import { bytesToHex } from "@/lib/pki/encoding";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";
import { nameToString } from "@/lib/pki/x509/name";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { db } from "@/lib/db/client";

export type OcspView = { status: "good" | "revoked" | "unknown" | "unavailable"; revokedAt?: Date; thisUpdate?: Date; nextUpdate?: Date };

/**
 * The certificate page: fields read from the certificate itself, and its status as the OCSP
 * responder states it (asked through the same function that answers /pki/ocsp, so the phone sees
 * what a relying party sees, not just a database column). Another user's certificate is NOT_FOUND.
 */
export async function getPhoneCertificate({ userId, certificateId }: { userId: string; certificateId: string }) {
  const cert = await db.certificate.findFirst({
    where: { id: certificateId, userId },
    include: {
      ca: { select: { name: true, subjectDn: true, certDer: true } },
      keyShare: { select: { id: true, status: true, pinFailures: true } },
      order: { select: { id: true, no: true } },
    },
  });
  if (!cert) throw new AppError("not_found");
  const parsed = parseCertificate(new Uint8Array(cert.der));
  const pair = cert.orderId
    ? await db.certificate.findMany({ where: { userId, orderId: cert.orderId, id: { not: cert.id } }, select: { id: true, usage: true, serialHex: true, keyShareId: true } })
    : [];
  return {
    id: cert.id,
    usage: cert.usage,
    serialHex: cert.serialHex,
    subject: nameToString(parsed.subject),
    issuer: nameToString(parsed.issuer),
    subjectName: cert.subjectName,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    fingerprint: cert.fingerprint,
    publicKeyHex: bytesToHex(new Uint8Array(parsed.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
    status: cert.status,
    keyShare: cert.keyShare,
    order: cert.order,
    pair,
    ocsp: await askOcsp(new Uint8Array(cert.der), new Uint8Array(cert.ca.certDer)),
  };
}

async function askOcsp(der: Uint8Array, issuerDer: Uint8Array): Promise<OcspView> {
  try {
    const request = buildOcspRequest({ certificate: der, issuer: issuerDer });
    const answer = await respondOcsp({ request: { der: request.der } });
    const single = parseOcspResponse(answer.der).responses[0];
    if (!single) return { status: "unavailable" };
    return {
      status: single.status,
      revokedAt: single.status === "revoked" ? single.revokedAt : undefined,
      thisUpdate: single.thisUpdate,
      nextUpdate: single.nextUpdate,
    };
  } catch (err) {
    // The page still shows the certificate; only the live status is missing.
    console.error("[phone] OCSP lookup failed:", err instanceof Error ? err.message : err);
    return { status: "unavailable" };
  }
}
