import type { Certificate } from "@/lib/generated/prisma/client";
import { REVOCATION_REASONS } from "@/lib/pki/crl/revocation-reason";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { generateCrl, type GeneratedCrl } from "@/lib/server/ca/generate-crl";
import { ocspAnswerMemo } from "@/lib/server/ca/ocsp-answer-memo";
import { parseInput } from "@/lib/server/http/parse-input";
import { sealVoidReasonOf } from "@/lib/server/seals/seal-void-reason-of";
import { voidSealsOfCertificates } from "@/lib/server/seals/void-seals";
import { ZRevokeCertificateSchema, type TRevokeCertificate } from "./revoke-certificate.types";

/**
 * Revokes a VALID certificate: status, time and RFC 5280 reason code, its cached OCSP answer
 * dropped (the next request is signed fresh and says revoked), the key's server share destroyed,
 * the seals bound to it voided, an audit row, and the CA's next
 * CRL listing it: all in one transaction, so no relying party can see the revocation in one
 * place and not the other.
 */
export async function revokeCertificate(input: TRevokeCertificate): Promise<{ certificate: Certificate; crl: GeneratedCrl }> {
  const { certificateId, reason, actorId, ip } = parseInput(ZRevokeCertificateSchema, input);
  // CRLs and OCSP carry whole seconds: store the same instant they will show.
  const revokedAt = truncateToSeconds(new Date());
  const result = await db.$transaction(
    async (tx) => {
      const { count } = await tx.certificate.updateMany({
        where: { id: certificateId, status: "VALID" },
        data: { status: "REVOKED", revokedAt, revocationReason: REVOCATION_REASONS[reason] },
      });
      const certificate = await tx.certificate.findUnique({ where: { id: certificateId } });
      if (!certificate) throw new AppError("not_found", { userMessage: "errors.not_found" });
      if (count === 0) throw new AppError("conflict", { userMessage: "certificate is not valid", params: { status: certificate.status } });
      await tx.ocspCache.deleteMany({ where: { certificateId } });
      // Revocation is permanent (no certificateHold here): the server half of the key goes with it,
      // sealed share and PIN verifier wiped, so not even an unlock can bring the key back.
      if (certificate.keyShareId) {
        await tx.keyShare.update({
          where: { id: certificate.keyShareId },
          data: { status: "DESTROYED", wrappedShare: "", pinVerifier: null, lockedAt: revokedAt },
        });
      }
      // Its seals go with it (docs/seals.md), in this transaction.
      await voidSealsOfCertificates(tx, { certificateIds: [certificateId], reason: sealVoidReasonOf(reason), actorId, ip });
      await writeAudit(tx, {
        actorId,
        ip,
        action: "certificate.revoked",
        targetType: "Certificate",
        targetId: certificateId,
        data: { serialHex: certificate.serialHex, reason, reasonCode: REVOCATION_REASONS[reason], revokedAt: revokedAt.toISOString() },
      });
      const crl = await generateCrl({ caId: certificate.caId, now: revokedAt, tx });
      return { certificate, crl };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  ocspAnswerMemo.forget(`${result.certificate.caId}:${result.certificate.serialHex}`);
  return result;
}
