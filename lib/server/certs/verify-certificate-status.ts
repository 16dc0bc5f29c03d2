import type { CertStatus } from "@/lib/generated/prisma/client";
import { PkiError } from "@/lib/pki/errors";
import { revocationReasonFromCode, type RevocationReason } from "@/lib/pki/crl/revocation-reason";
import { certificateSerialHex, certificateToDer, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { nameToString } from "@/lib/pki/x509/name";
import { verifyChain } from "@/lib/pki/verify/verify-chain";
import type { VerificationProblem, VerificationReason } from "@/lib/pki/verify/verification-reasons";
import { bytesToHex } from "@/lib/pki/encoding";
import { sha256 } from "@noble/hashes/sha2.js";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

export interface CertificateStatusResult {
  /** Chain to our root verified, within validity, and not revoked. */
  valid: boolean;
  /** From our own records: the CA database is the source CRLs and OCSP are made from. */
  status: "good" | "revoked" | "unknown";
  recordedStatus?: CertStatus;
  revokedAt?: Date;
  reason?: RevocationReason;
  certificateId?: string;
  subject: string;
  serialHex: string;
  problems: VerificationProblem[];
  reasons: VerificationReason[];
}

/**
 * Checks a certificate presented to the app (a login, a signed bid): path to one of our roots
 * with the library's RFC 5280 checks, then its revocation status straight from the database,
 * matched by serial AND by the exact bytes we issued.
 */
export async function verifyCertificateStatus(input: { certificate: CertificateInput; at?: Date }): Promise<CertificateStatusResult> {
  let leaf: ReturnType<typeof toCertificate>;
  try {
    leaf = toCertificate(input.certificate);
  } catch (error) {
    if (error instanceof PkiError) throw new AppError("validation_failed", { fields: { certificate: [error.message] }, cause: error });
    throw error;
  }
  const cas = await db.certificateAuthority.findMany({ where: { kind: { in: ["ROOT", "ISSUING"] } }, select: { id: true, kind: true, certDer: true } });
  const chain = await verifyChain({
    leaf,
    roots: cas.filter((c) => c.kind === "ROOT").map((c) => c.certDer),
    intermediates: cas.filter((c) => c.kind === "ISSUING").map((c) => c.certDer),
    at: input.at,
  });
  const serialHex = certificateSerialHex(leaf);
  const der = certificateToDer(leaf);
  const row = await db.certificate.findUnique({
    where: { serialHex },
    select: { id: true, status: true, revokedAt: true, revocationReason: true, fingerprint: true },
  });
  const isOurs = row !== null && row.fingerprint === bytesToHex(sha256(der));
  const problems = [...chain.problems];
  let status: CertificateStatusResult["status"] = "unknown";
  let reason: RevocationReason | undefined;
  if (!isOurs) {
    problems.push({ reason: "status_unknown", detail: "not a certificate this CA has on record" });
  } else if (row.status === "REVOKED") {
    status = "revoked";
    reason = row.revocationReason === null ? undefined : revocationReasonFromCode(row.revocationReason);
    problems.push({ reason: "revoked", detail: `revoked ${row.revokedAt?.toISOString() ?? ""}${reason ? ` (${reason})` : ""}` });
  } else {
    status = "good";
  }
  return {
    valid: chain.valid && status === "good",
    status,
    recordedStatus: isOurs ? row.status : undefined,
    revokedAt: isOurs ? (row.revokedAt ?? undefined) : undefined,
    reason,
    certificateId: isOurs ? row.id : undefined,
    subject: nameToString(leaf.subject),
    serialHex,
    problems,
    reasons: [...new Set(problems.map((p) => p.reason))],
  };
}
