import { AppError } from "@/lib/errors";
import { certificatePublicKey } from "@/lib/pki/x509/certificate-input";
import { parsedCertificate } from "@/lib/pki/x509/parsed-certificate";
import { derToPem } from "@/lib/pki/pem";
import { verify } from "@/lib/pki/sm2";
import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { hexToBytes } from "@/lib/pki/encoding";
import type { ScanType } from "@/lib/generated/prisma/enums";
import { scanResultExtras } from "./scan-result-extras";
import { checkDocumentSignedAttributes } from "./check-document-signed-attributes";
import { sealForPlatform } from "@/lib/server/seals/seal-for-platform";
import type { TDecryptResult, TLoginResult, TScanResult, TSignResult, TSyncSubjectResult } from "./scan-request.types";

type Cert = { der: Uint8Array; serialHex: string; subjectDn: string; subjectName: string } & Partial<{ id: string; userId: string | null; orderId: string | null; orgId: string | null }>;

/** The certificate as a full row (what completeScanRequest passes), for scanResultExtras. */
function signingRow(c: Cert) {
  return c.id !== undefined && c.userId !== undefined && c.orderId !== undefined && c.orgId !== undefined
    ? { id: c.id, userId: c.userId, orderId: c.orderId, subjectDn: c.subjectDn, subjectName: c.subjectName, orgId: c.orgId }
    : undefined;
}

function b64(s: unknown, field: string): Uint8Array {
  if (typeof s !== "string" || !/^[A-Za-z0-9+/=]+$/.test(s)) throw new AppError("validation_failed", { fields: { [field]: ["base64"] } });
  return new Uint8Array(Buffer.from(s, "base64"));
}

/**
 * Checks what the phone sends back before a platform ever sees it: a login signature over the
 * challenge, a CMS whose messageDigest is the requested digest and whose signer is the chosen
 * certificate, with exactly the signed attributes the server half was asked to sign for
 * (checkDocumentSignedAttributes, as in signForScan). Returns the result the platform receives, one
 * shape per type as the API document gives it (LoginResult, SignResult, DecryptResult, SyncSubjectResult).
 */
export async function verifyScanResult({
  type,
  payload,
  certificate,
  issuerDer,
  result,
}: {
  type: ScanType;
  payload: Record<string, unknown>;
  certificate: Cert;
  issuerDer: Uint8Array;
  result: Record<string, unknown>;
}): Promise<TScanResult> {
  const certificatePem = derToPem(certificate.der, "CERTIFICATE");
  const base = { certificate: certificatePem, serial: certificate.serialHex, subject: certificate.subjectDn };
  const extras: { encryptionCertificate?: string | null; subjectLibrary?: TSyncSubjectResult["subjectLibrary"]; sessionId?: string } = await scanResultExtras({
    type,
    serialHex: certificate.serialHex,
    result,
    certificate: signingRow(certificate),
  });
  switch (type) {
    case "LOGIN": {
      const signature = b64(result.signature, "signature");
      const ok = verify(signature, new TextEncoder().encode(String(payload.challenge)), certificatePublicKey(parsedCertificate(certificate.der)));
      if (!ok) throw new AppError("validation_failed", { userMessage: "scan.errors.badSignature" });
      return { ...base, challenge: String(payload.challenge), signature: Buffer.from(signature).toString("base64"), encryptionCertificate: extras.encryptionCertificate ?? null } satisfies TLoginResult;
    }
    case "SIGN": {
      const p7s = b64(result.cms, "cms");
      const check = await verifyCmsDetached({ p7s, digest: hexToBytes(String(payload.digest)), trustedRoots: [issuerDer] });
      if (!check.valid || check.signer?.serialHex.toLowerCase() !== certificate.serialHex.toLowerCase()) {
        throw new AppError("validation_failed", { userMessage: "scan.errors.badSignature" });
      }
      if (!check.signedAttributes) throw new AppError("validation_failed", { userMessage: "scan.errors.badSignature" });
      checkDocumentSignedAttributes({ der: check.signedAttributes, digestHex: String(payload.digest) });
      // The seal chosen (checked by completePhoneScan): its picture and SES_Seal go to the platform with the signature.
      const seal = typeof result.sealId === "string" ? await sealForPlatform({ sealId: result.sealId }) : null;
      return {
        ...base,
        digest: String(payload.digest),
        cms: Buffer.from(p7s).toString("base64"),
        sealId: seal?.id ?? null,
        seal,
        ...(extras.sessionId ? { sessionId: extras.sessionId } : {}),
      } satisfies TSignResult;
    }
    case "DECRYPT": {
      const plaintext = b64(result.plaintext, "plaintext");
      return { ...base, plaintext: Buffer.from(plaintext).toString("base64") } satisfies TDecryptResult;
    }
    case "SYNC_SUBJECT":
      if (!extras.subjectLibrary) throw new AppError("not_found", { userMessage: "scan.errors.noCertificate" });
      return { ...base, subjectName: certificate.subjectName, encryptionCertificate: extras.encryptionCertificate ?? null, subjectLibrary: extras.subjectLibrary } satisfies TSyncSubjectResult;
  }
}
