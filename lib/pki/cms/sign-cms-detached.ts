import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import { derToPem } from "@/lib/pki/pem";
import { sm3 } from "@/lib/pki/sm3";
import type { Sm2Signer } from "@/lib/pki/signer";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { signerAsPkijsKey } from "@/lib/pki/engine/sm2-crypto-engine";
import { ZCmsSignOptionsSchema, type TCmsSignOptions } from "@/lib/pki/cms/cms.types";
import { buildSignedAttributes } from "@/lib/pki/cms/signed-attributes";
import { certificatePublicKey, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";

export interface SignCmsDetachedInput {
  /** The signed content, or (for a platform that sends only the document's hash) its SM3 `digest`. */
  data?: Uint8Array;
  digest?: Uint8Array;
  signer: { certificate: CertificateInput; signer: Sm2Signer };
  /** Further certificates to embed (issuing CA, ...) so verifiers can build the path. */
  chain?: CertificateInput[];
  options?: TCmsSignOptions;
}

/**
 * Detached CMS SignedData (RFC 5652) over `data`: SM3 digest, SM2-with-SM3 signature over the
 * DER SET of signed attributes (contentType, signingTime, messageDigest), signer identified by
 * issuer and serial, signer certificate embedded. Returns DER (.p7s) and PEM.
 */
export async function signCmsDetached(input: SignCmsDetachedInput): Promise<{ der: Uint8Array; pem: string }> {
  const options = ZCmsSignOptionsSchema.parse(input.options ?? {});
  const messageDigest = input.digest ?? (input.data ? sm3(input.data) : undefined);
  if (!messageDigest || messageDigest.length !== 32) throw new PkiError("invalid_message", "CMS needs the data or its 32-byte SM3 digest");
  const engine = setupPkijs();
  const certificate = toCertificate(input.signer.certificate);
  if (!equalBytes(input.signer.signer.publicKey, certificatePublicKey(certificate))) {
    throw new PkiError("invalid_key", "signer key does not match the signer certificate");
  }

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: buildSignedAttributes({
        contentType: OID.cmsData,
        messageDigest,
        signingTime: options.signingTime ?? new Date(),
      }),
    }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.cmsData }),
    signerInfos: [signerInfo],
    certificates: [certificate, ...(input.chain ?? []).map((c) => toCertificate(c))],
  });
  await signedData.sign(signerAsPkijsKey(input.signer.signer), 0, "SM3", undefined, engine);

  const contentInfo = new pkijs.ContentInfo({ contentType: OID.cmsSignedData, content: signedData.toSchema(true) });
  const der = new Uint8Array(contentInfo.toSchema().toBER(false));
  return { der, pem: derToPem(der, "CMS") };
}
