import * as asn1js from "asn1js";
import type * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { digest, hashNameByOid, type HashName } from "@/lib/pki/engine/hash-algorithms";
import { findSignerCertificate, parseCmsSignedData } from "@/lib/pki/cms/parse-cms-signed-data";
import { certificateIssuerAndSerial, readDetachedCms } from "@/lib/pki/cms/read-detached-cms";
import { DER_TAG, DerReader } from "@/lib/pki/der";
import { derFromPemOrDer } from "@/lib/pki/pem-blocks";
import { verify as sm2Verify } from "@/lib/pki/sm2";
import { SM2_SIGNATURE_OIDS } from "@/lib/pki/engine/sm2-crypto-engine";
import { sm2PointFromPublicKeyInfo } from "@/lib/pki/engine/sm2-public-key";
import { parsedCertificate } from "@/lib/pki/x509/parsed-certificate";
import { attributeValues, signedAttributesSignedBytes } from "@/lib/pki/cms/signed-attributes";
import { certificateSerialHex, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { nameToString } from "@/lib/pki/x509/name";
import { readKeyUsage } from "@/lib/pki/verify/certificate-checks";
import { verifyChain } from "@/lib/pki/verify/verify-chain";
import type { VerificationProblem, VerificationReason } from "@/lib/pki/verify/verification-reasons";
import { readBer } from "@/lib/pki/asn1/parse-der";

export interface VerifyCmsDetachedInput {
  p7s: Uint8Array | string;
  /** The signed content, or only its digest (then the signature must use SM3). */
  data?: Uint8Array;
  digest?: Uint8Array;
  trustedRoots: CertificateInput[];
  /** Extra untrusted certificates for path building, besides those embedded in the p7s. */
  intermediates?: CertificateInput[];
  /**
   * When the signer's certificate must have been valid; now by default. The signingTime attribute
   * is the signer's own claim, so it is reported but never trusted for this.
   */
  at?: Date;
}

export interface CmsVerificationResult {
  valid: boolean;
  signer?: { subject: string; issuer: string; serialHex: string; certificate: pkijs.Certificate };
  signingTime?: Date;
  digestAlgorithm?: HashName;
  /** The DER SET of signed attributes the signature covers (so a caller need not parse the p7s again). */
  signedAttributes?: Uint8Array;
  chain: pkijs.Certificate[];
  problems: VerificationProblem[];
  reasons: VerificationReason[];
}

function single(values: asn1js.AsnType[][]): asn1js.AsnType | undefined {
  return values.length === 1 && values[0].length === 1 ? values[0][0] : undefined;
}

/**
 * Verifies a detached CMS signature over `data` (one signer): digest algorithm, messageDigest and
 * contentType attributes, the SM2 signature over the DER SET of signed attributes, the signer
 * certificate's key usage and its path to a trusted root. Revocation is the caller's next step.
 *
 * The CMS a phone sends (DER, one signer, SM2) is first read straight from its bytes, with its
 * certificates parsed once per process (parsed-certificate.ts): that path answers only when every
 * check passes. Any other shape, and any failure, is decided by the full pkijs parse below, so the
 * answer (and every problem reported) is the full path's.
 */
export async function verifyCmsDetached(input: VerifyCmsDetachedInput): Promise<CmsVerificationResult> {
  return (await verifyWellFormed(input)) ?? verifyCmsDetachedFully(input);
}

/** The value of an attribute that appears once with one value (RFC 5652 11), as its whole DER. */
function singleValue(attributes: { type: string; values: Uint8Array[] }[], type: string): Uint8Array | undefined {
  const found = attributes.filter((a) => a.type === type);
  return found.length === 1 && found[0].values.length === 1 ? found[0].values[0] : undefined;
}

async function verifyWellFormed(input: VerifyCmsDetachedInput): Promise<CmsVerificationResult | null> {
  let der: Uint8Array;
  try {
    der = derFromPemOrDer(input.p7s);
  } catch {
    return null;
  }
  const cms = readDetachedCms(der);
  if (!cms) return null;
  const { signer: info } = cms;
  const hash = hashNameByOid(info.digestAlgorithm);
  if (!hash || hash === "SHA-1" || !SM2_SIGNATURE_OIDS.includes(info.signatureAlgorithm)) return null;
  if (!input.data && hash !== "SM3") return null;
  // The first certificate with the signer's serial, as the full path's search finds it, with the very same issuer bytes.
  const index = cms.certificates.findIndex((c) => {
    const named = certificateIssuerAndSerial(c);
    return named !== null && equalBytes(named.serial, info.serial);
  });
  if (index < 0 || !equalBytes(certificateIssuerAndSerial(cms.certificates[index])!.issuer, info.issuer)) return null;

  const messageDigest = singleValue(info.attributes, OID.attrMessageDigest);
  if (!messageDigest || messageDigest[0] !== DER_TAG.octetString) return null;
  const actual = input.data ? digest(hash, input.data) : (input.digest ?? new Uint8Array());
  const contentType = singleValue(info.attributes, OID.attrContentType);
  if (!contentType || !equalBytes(contentType, cms.eContentType)) return null;
  let embedded: pkijs.Certificate[];
  try {
    if (!equalBytes(new DerReader(messageDigest).read(DER_TAG.octetString), actual)) return null;
    embedded = cms.certificates.map((c) => parsedCertificate(c));
  } catch (error) {
    if (error instanceof PkiError) return null;
    throw error;
  }
  const certificate = embedded[index];
  let signatureOk = false;
  try {
    signatureOk = sm2Verify(info.signature, info.signedAttributes, sm2PointFromPublicKeyInfo(certificate.subjectPublicKeyInfo));
  } catch {
    return null;
  }
  if (!signatureOk) return null;
  const usages = readKeyUsage(certificate);
  if (usages && !usages.has("digitalSignature") && !usages.has("nonRepudiation")) return null;
  const chain = await verifyChain({ leaf: certificate, intermediates: [...embedded, ...(input.intermediates ?? [])], roots: input.trustedRoots, at: input.at });
  if (chain.problems.length > 0) return null;

  const time = singleValue(info.attributes, OID.attrSigningTime);
  let signingTime: Date | undefined;
  if (time && (time[0] === 0x17 || time[0] === 0x18)) {
    const parsed = readBer(time);
    if (parsed.result instanceof asn1js.UTCTime || parsed.result instanceof asn1js.GeneralizedTime) signingTime = parsed.result.toDate();
  }
  const signer = { subject: nameToString(certificate.subject), issuer: nameToString(certificate.issuer), serialHex: certificateSerialHex(certificate), certificate };
  return { valid: true, signer, signingTime, digestAlgorithm: hash, signedAttributes: info.signedAttributes, chain: chain.chain, problems: [], reasons: [] };
}

/** The full path: pkijs parses the whole CMS; every problem is reported. */
export async function verifyCmsDetachedFully(input: VerifyCmsDetachedInput): Promise<CmsVerificationResult> {
  const done = (problems: VerificationProblem[], extra: Partial<CmsVerificationResult> = {}): CmsVerificationResult => ({
    valid: problems.length === 0,
    chain: [],
    ...extra,
    problems,
    reasons: [...new Set(problems.map((p) => p.reason))],
  });
  let signedData: pkijs.SignedData;
  try {
    signedData = parseCmsSignedData(input.p7s);
  } catch (error) {
    if (error instanceof PkiError) return done([{ reason: "malformed", detail: error.message }]);
    throw error;
  }
  if (signedData.encapContentInfo.eContent) return done([{ reason: "attached_content_unexpected", detail: "signature is not detached" }]);
  if (signedData.signerInfos.length !== 1) return done([{ reason: "malformed", detail: `${signedData.signerInfos.length} signers, expected 1` }]);
  const signerInfo = signedData.signerInfos[0];
  const certificate = findSignerCertificate(signedData, signerInfo);
  if (!certificate) return done([{ reason: "signer_certificate_missing", detail: "signer certificate not embedded" }]);
  const signer = {
    subject: nameToString(certificate.subject),
    issuer: nameToString(certificate.issuer),
    serialHex: certificateSerialHex(certificate),
    certificate,
  };
  const hash = hashNameByOid(signerInfo.digestAlgorithm.algorithmId);
  if (!hash || hash === "SHA-1") {
    return done([{ reason: "unsupported_algorithm", detail: `digest ${signerInfo.digestAlgorithm.algorithmId}` }], { signer });
  }
  if (!signerInfo.signedAttrs) return done([{ reason: "signed_attributes_missing", detail: "no signed attributes" }], { signer });

  const problems: VerificationProblem[] = [];
  const messageDigest = single(attributeValues(signerInfo.signedAttrs, OID.attrMessageDigest));
  if (!input.data && hash !== "SM3") problems.push({ reason: "unsupported_algorithm", detail: "a bare digest is only accepted with SM3" });
  const actual = input.data ? digest(hash, input.data) : (input.digest ?? new Uint8Array());
  if (!(messageDigest instanceof asn1js.OctetString) || !equalBytes(new Uint8Array(messageDigest.valueBlock.valueHexView), actual)) {
    problems.push({ reason: "digest_mismatch", detail: "messageDigest does not match the data" });
  }
  const contentType = single(attributeValues(signerInfo.signedAttrs, OID.attrContentType));
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType) {
    problems.push({ reason: "content_type_mismatch", detail: "contentType attribute differs from eContentType" });
  }
  const time = single(attributeValues(signerInfo.signedAttrs, OID.attrSigningTime));
  const signingTime = time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;

  const signedAttributes = signedAttributesSignedBytes(signerInfo.signedAttrs);
  let signatureOk = false;
  try {
    signatureOk = await setupPkijs().verifyWithPublicKey(
      signedAttributes,
      signerInfo.signature,
      certificate.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) problems.push({ reason: "signature_invalid", detail: "signature over signed attributes does not verify", subject: signer.subject });

  const usages = readKeyUsage(certificate);
  if (usages && !usages.has("digitalSignature") && !usages.has("nonRepudiation")) {
    problems.push({ reason: "key_usage_missing", detail: "signer certificate is not for signing", subject: signer.subject });
  }
  const embedded = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => "subjectPublicKeyInfo" in c);
  const chain = await verifyChain({
    leaf: certificate,
    intermediates: [...embedded, ...(input.intermediates ?? [])],
    roots: input.trustedRoots,
    at: input.at,
  });
  problems.push(...chain.problems);
  return done(problems, { signer, signingTime, digestAlgorithm: hash, signedAttributes, chain: chain.chain });
}
