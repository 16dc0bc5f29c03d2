import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { equalBytes } from "@/lib/pki/encoding";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { certificateToDer } from "@/lib/pki/x509/certificate-input";
import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { verifySesSeal } from "@/lib/pki/ses-seal";
import { readPdfSignatures } from "@/lib/pdf/sign/read-pdf-signatures";
import { verifyCertificateStatus } from "@/lib/server/certs/verify-certificate-status";
import type { TPdfSignatureCheck, TPdfVerification } from "./verify-signed-pdf.types";

/** The largest PDF the verifier opens (desk upload and API). */
export const MAX_VERIFY_PDF_BYTES = 20 * 1024 * 1024;
const MAX_SIGNATURES = 20;

const notPdf = () => new AppError("validation_failed", { userMessage: "sealsUse.verify.notPdf", fields: { file: ["sealsUse.verify.notPdf"] } });

/** A PDF by its content: the %PDF- header near the start and an %%EOF near the end, within the size limit. */
function assertPdf(pdf: Uint8Array) {
  if (pdf.length === 0 || pdf.length > MAX_VERIFY_PDF_BYTES) throw new AppError("validation_failed", { userMessage: "sealsUse.verify.tooLarge", fields: { file: ["sealsUse.verify.tooLarge"] } });
  const head = new TextDecoder("latin1").decode(pdf.subarray(0, 1024));
  const tail = new TextDecoder("latin1").decode(pdf.subarray(Math.max(0, pdf.length - 1024)));
  if (!head.includes("%PDF-") || !tail.includes("%%EOF")) throw notPdf();
}

/**
 * 验签: every signature of a signed PDF, each checked on its own: the CMS over the /ByteRange bytes
 * (document unchanged since that signature: messageDigest = SM3 of exactly those bytes, the range
 * covering the file, or for an earlier signature its revision, except /Contents), the signer's
 * certificate and its chain to this CA, its revocation status from the desk's own records (what
 * OCSP answers), and the seal structure in the signature field (SES_Seal signed by this CA's
 * seal-making key, bound to the signer's certificate).
 */
export async function verifySignedPdf({ pdf, limitKey, now = new Date() }: { pdf: Uint8Array; limitKey?: string; now?: Date }): Promise<TPdfVerification> {
  // Parsing and checking a 20 MB PDF costs CPU: per caller (platform or address) 30 a minute, 300 a day.
  if (limitKey) await consumeRateLimit(db, limitKey, [{ seconds: 60, max: 30 }, { seconds: 86_400, max: 300 }]);
  assertPdf(pdf);
  const read = await readPdfSignatures(pdf).catch(() => {
    throw notPdf();
  });
  const cas = await db.certificateAuthority.findMany({ where: { kind: { in: ["ROOT", "ISSUING"] } }, select: { kind: true, certDer: true } });
  const roots = cas.filter((c) => c.kind === "ROOT").map((c) => c.certDer);
  const issuing = cas.filter((c) => c.kind === "ISSUING").map((c) => c.certDer);
  const makerKeys = issuing.map((der) => readCertificatePublicKey(der));

  const signatures: TPdfSignatureCheck[] = [];
  for (const [index, sig] of read.slice(0, MAX_SIGNATURES).entries()) {
    const reasons: TPdfSignatureCheck["reasons"] = [...sig.problems];
    const cms = sig.signedBytes ? await verifyCmsDetached({ p7s: sig.cms, data: sig.signedBytes, trustedRoots: roots, intermediates: issuing, at: now }) : null;
    const cmsReasons = cms?.reasons ?? ["malformed"];
    const isUnchanged = sig.problems.length === 0 && cms !== null && !cmsReasons.some((r) => r === "digest_mismatch" || r === "malformed");
    if (!isUnchanged) reasons.push("modified");
    const signatureOk = cms !== null && !cmsReasons.some((r) => r === "signature_invalid" || r === "malformed" || r === "signer_certificate_missing");
    if (cms && !signatureOk) reasons.push("signature_invalid");
    const signerDer = cms?.signer ? certificateToDer(cms.signer.certificate) : null;
    const status = signerDer ? await verifyCertificateStatus({ certificate: signerDer, at: now }) : null;
    const chainOk = status !== null && !status.reasons.some((r) => r !== "revoked" && r !== "status_unknown");
    if (!chainOk) reasons.push("chain_invalid");
    if (status?.status !== "good") reasons.push(status?.status === "revoked" ? "revoked" : "status_unknown");

    let seal: { valid: boolean; reason: string | null; name: string | null; esId: string | null; isBoundToSigner: boolean } | null = null;
    if (sig.sesSeal) {
      const checks = makerKeys.map((key) => verifySesSeal(sig.sesSeal!, { makerPublicKey: key, at: cms?.signingTime ?? now }));
      const ok = checks.find((c) => c.ok);
      const parsed = ok?.ok ? ok.seal : null;
      const isBoundToSigner = Boolean(parsed && signerDer && parsed.info.certs.some((c) => equalBytes(c, signerDer)));
      const failed = checks.find((c) => !c.ok && c.reason !== "wrong_maker") ?? checks[0];
      seal = {
        valid: Boolean(parsed) && isBoundToSigner,
        reason: parsed ? (isBoundToSigner ? null : "not_bound_to_signer") : failed && !failed.ok ? failed.reason : "wrong_maker",
        name: parsed?.info.name ?? null,
        esId: parsed?.info.esId ?? null,
        isBoundToSigner,
      };
      if (!seal.valid) reasons.push("seal_invalid");
    }
    signatures.push({
      index: index + 1,
      fieldName: sig.fieldName,
      page: sig.page === null || sig.page < 0 ? null : sig.page + 1,
      signer: cms?.signer ? { subject: cms.signer.subject, serial: cms.signer.serialHex, issuer: cms.signer.issuer } : null,
      signingTime: cms?.signingTime?.toISOString() ?? null,
      chain: { valid: chainOk, reasons: status?.reasons.filter((r) => r !== "revoked" && r !== "status_unknown") ?? ["signer_certificate_missing"] },
      revocation: { status: status?.status ?? "unknown", revokedAt: status?.revokedAt?.toISOString() ?? null, reason: status?.reason ?? null },
      seal,
      document: { isUnchanged, coversWholeFile: sig.coversWholeFile, revisionEnd: sig.revisionEnd, byteRange: sig.byteRange },
      valid: reasons.length === 0,
      reasons: [...new Set(reasons)],
    });
  }
  return { size: pdf.length, count: read.length, valid: signatures.length > 0 && signatures.every((s) => s.valid), signatures };
}

