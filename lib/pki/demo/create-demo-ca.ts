import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner, type Sm2Signer } from "@/lib/pki/signer";
import { encodeSpki } from "@/lib/pki/spki";
import { derToPem } from "@/lib/pki/pem";
import { hexToBytes } from "@/lib/pki/encoding";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { buildIssuingCaCertificate } from "@/lib/pki/x509/build-issuing-ca-certificate";
import { buildOcspResponderCertificate } from "@/lib/pki/x509/build-ocsp-responder-certificate";
import { buildEndEntityCertificate } from "@/lib/pki/x509/build-end-entity-certificate";
import type { TEndEntityInput } from "@/lib/pki/x509/end-entity.types";
import { buildCrl } from "@/lib/pki/crl/build-crl";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { buildOcspResponse } from "@/lib/pki/ocsp/build-ocsp-response";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { createSplitKey, splitKeySigner, type SplitKeyShares } from "@/lib/pki/demo/in-process-two-party";
import { DEMO_DATA, DEMO_ID_NUMBER, DEMO_ORG, DEMO_PERSON, DEMO_SUBJECT_ID, DEMO_URLS, DEMO_USCC, demoValidity } from "@/lib/pki/demo/demo-profile";

export interface DemoCa {
  /** File name -> contents: exactly what `npm run pki -- demo --out DIR` writes. */
  files: Record<string, Uint8Array | string>;
  shares: { sign: SplitKeyShares; enc: SplitKeyShares };
  /** The local CA keys, for tests that sign more with the demo CA. Never written to disk. */
  signers: { root: Sm2Signer; ca: Sm2Signer; responder: Sm2Signer };
}

const pubPem = (publicKey: Uint8Array) => derToPem(encodeSpki(publicKey), "PUBLIC KEY");

/**
 * A complete demo CA in memory: root and issuing CA on local keys, a delegated OCSP responder,
 * a unit's dual certificates on SPLIT keys (two-party keygen, both halves in this process), a
 * revoked individual certificate, the CA's CRL, OCSP answers for both, and a detached CMS
 * signature made through the two-party protocol. Pure: the CLI writes the files.
 */
export async function createDemoCa(now: Date = new Date()): Promise<DemoCa> {
  const rootSigner = localSigner(generateKeyPair().privateKey);
  const caSigner = localSigner(generateKeyPair().privateKey);
  const responderSigner = localSigner(generateKeyPair().privateKey);
  const revokedKey = generateKeyPair();
  const shares = { sign: createSplitKey("demo-sign"), enc: createSplitKey("demo-enc") };

  const root = await buildRootCaCertificate(
    { subject: { organizationName: "CertDesk Demo", commonName: "CertDesk Demo Root CA" }, validity: demoValidity(now, 3650) },
    { signer: rootSigner },
  );
  const ca = await buildIssuingCaCertificate(
    {
      subject: { organizationName: "CertDesk Demo", commonName: "CertDesk Demo SM2 Issuing CA" },
      publicKey: caSigner.publicKey,
      validity: demoValidity(now, 1825),
      urls: DEMO_URLS.root,
    },
    { certificate: root.der, signer: rootSigner },
  );
  const issuer = { certificate: ca.der, signer: caSigner };
  const responder = await buildOcspResponderCertificate(
    { subject: { organizationName: "CertDesk Demo", commonName: "CertDesk Demo OCSP Responder" }, publicKey: responderSigner.publicKey, validity: demoValidity(now, 30) },
    issuer,
  );

  const unit = { type: "unit", organizationName: DEMO_ORG, uscc: DEMO_USCC } as const;
  const endEntity = (input: Pick<TEndEntityInput, "subject" | "usage" | "publicKey">) =>
    buildEndEntityCertificate({ ...input, validity: demoValidity(now, 365), urls: DEMO_URLS.issuing }, issuer);
  const sign = await endEntity({ subject: unit, usage: "signing", publicKey: hexToBytes(shares.sign.publicKey) });
  const enc = await endEntity({ subject: unit, usage: "encryption", publicKey: hexToBytes(shares.enc.publicKey) });
  const revoked = await endEntity({
    subject: { type: "individual", personName: DEMO_PERSON, idNumber: DEMO_ID_NUMBER, subjectId: DEMO_SUBJECT_ID },
    usage: "signing",
    publicKey: revokedKey.publicKey,
  });
  const revokedAt = new Date(now.getTime() - 60 * 1000);

  const crl = await buildCrl(
    { crlNumber: 1, thisUpdate: now, nextUpdate: new Date(now.getTime() + 7 * 24 * 3600 * 1000), entries: [{ serialHex: revoked.serialHex, revokedAt, reason: "keyCompromise" }] },
    issuer,
  );
  const ocspFor = async (certificate: Uint8Array) => {
    const request = buildOcspRequest({ certificate, issuer: ca.der, options: { nonce: true } });
    const response = await buildOcspResponse({
      request: request.der,
      issuers: [ca.der],
      lookup: ({ serialHex }) => (serialHex === revoked.serialHex ? { status: "revoked", revokedAt, reason: "keyCompromise" } : { status: "good" }),
      responder: { certificate: responder.der, signer: responderSigner },
      options: { now },
    });
    return { request: request.der, response };
  };
  const ocspGood = await ocspFor(sign.der);
  const ocspRevoked = await ocspFor(revoked.der);
  const p7s = await signCmsDetached({
    data: DEMO_DATA,
    signer: { certificate: sign.der, signer: splitKeySigner(shares.sign) },
    chain: [ca.der],
    options: { signingTime: now },
  });

  return {
    shares,
    signers: { root: rootSigner, ca: caSigner, responder: responderSigner },
    files: {
      "root.pem": root.pem,
      "ca.pem": ca.pem,
      "ocsp.pem": responder.pem,
      "sign.pem": sign.pem,
      "enc.pem": enc.pem,
      "revoked.pem": revoked.pem,
      "crl.der": crl.der,
      "ocsp-good.der": ocspGood.response,
      "ocsp-good-request.der": ocspGood.request,
      "ocsp-revoked.der": ocspRevoked.response,
      "ocsp-revoked-request.der": ocspRevoked.request,
      "data.bin": DEMO_DATA,
      "data.p7s": p7s.der,
      "root.pub.pem": pubPem(rootSigner.publicKey),
      "ca.pub.pem": pubPem(caSigner.publicKey),
      "ocsp.pub.pem": pubPem(responderSigner.publicKey),
      "shares.json": `${JSON.stringify(shares, null, 2)}\n`,
    },
  };
}
