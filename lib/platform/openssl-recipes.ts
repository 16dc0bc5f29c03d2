// The OpenSSL 3.0 commands a trading platform runs to check what CertDesk gives it, published in
// the API document (/api/v1/openapi.json, x-openssl-recipes), on /developers and in the README, and
// run exactly as written by tests/integration/openssl-recipes.test.ts on real artifacts.
//
// Every CertDesk signature is SM2 with SM3 and the GM/T 0009 default user ID 1234567812345678:
// certificates, CRLs, OCSP responses, CMS signer infos and login signatures alike. OpenSSL 3.0 uses
// an empty ID unless told otherwise, and `openssl verify -vfyopt distid:…` applies the ID only to
// the certificate named on the command line, so a one-line verify of a whole chain fails: each link
// is verified on its own. `openssl crl`, `openssl ocsp` and `openssl cms -verify` have no way to pass
// the ID, so for those the signed bytes are cut out with asn1parse and checked with pkeyutl.

export const SM2_USER_ID = "1234567812345678";

export type OpensslRecipe = {
  id: "chain" | "login" | "cms" | "crl" | "ocsp";
  title: string;
  /** The files the commands start from, and where a platform gets each. */
  inputs: Record<string, string>;
  /** POSIX shell, run in a folder holding the inputs; exits non-zero when a check fails. */
  script: string;
};

const VERIFY = `openssl pkeyutl -verify -pubin -rawin -digest sm3 -pkeyopt distid:${SM2_USER_ID}`;

export const OPENSSL_RECIPES: OpensslRecipe[] = [
  {
    id: "chain",
    title: "Certificate chain: root → issuing CA → holder (each link on its own)",
    inputs: {
      "root.pem": "the root CA certificate (GET /pki/ca: kind ROOT, certificateUrl with .pem); pin it by its SHA-256 fingerprint",
      "ca.pem": "the issuing CA certificate (GET /pki/ca: kind ISSUING)",
      "user.pem": "result.certificate of a scan request",
    },
    script: [
      `openssl verify -vfyopt distid:${SM2_USER_ID} -CAfile root.pem ca.pem`,
      `openssl verify -vfyopt distid:${SM2_USER_ID} -partial_chain -CAfile ca.pem user.pem`,
    ].join("\n"),
  },
  {
    id: "login",
    title: "Login signature: result.signature over the challenge's UTF-8 bytes",
    inputs: {
      "user.pem": "result.certificate",
      "challenge.txt": "the challenge exactly as sent (no trailing newline)",
      "signature.b64": "result.signature (base64 of a DER SM2 signature)",
    },
    script: [
      "openssl x509 -in user.pem -pubkey -noout -out user.pub.pem",
      "openssl base64 -d -A -in signature.b64 -out signature.der",
      `${VERIFY} -inkey user.pub.pem -in challenge.txt -sigfile signature.der`,
    ].join("\n"),
  },
  {
    id: "cms",
    title: "Document signature: result.cms, a detached CMS SignedData over your SM3 digest",
    inputs: {
      "user.pem": "result.certificate (also inside the CMS)",
      "document.bin": "the document whose SM3 digest you sent",
      "signature.b64": "result.cms (base64 DER)",
    },
    script: [
      "openssl base64 -d -A -in signature.b64 -out signature.p7s",
      "openssl x509 -in user.pem -pubkey -noout -out user.pub.pem",
      "openssl asn1parse -inform DER -in signature.p7s > p7s.txt",
      "# 1. messageDigest (a signed attribute) is the document's SM3",
      "digest=$(sed -n '/:messageDigest/{n;n;s/.*\\[HEX DUMP\\]://p;}' p7s.txt | tr A-F a-f)",
      `test "$digest" = "$(openssl dgst -sm3 -r document.bin | cut -d' ' -f1)"`,
      "# 2. the signature covers the signed attributes as a DER SET: cut out [0] and retag it 0x31",
      "set -- $(sed -n 's/^ *\\([0-9]*\\):d=5 *hl=\\([0-9]*\\) *l= *\\([0-9]*\\) cons: cont \\[ 0 \\].*/\\1 \\2 \\3/p' p7s.txt | tail -n 1)",
      "dd if=signature.p7s bs=1 skip=$1 count=$(($2 + $3)) 2>/dev/null | { printf '\\061'; tail -c +2; } > signed-attributes.der",
      "offset=$(sed -n 's/^ *\\([0-9]*\\):d=5 .*prim: OCTET STRING.*/\\1/p' p7s.txt | tail -n 1)",
      "openssl asn1parse -inform DER -in signature.p7s -strparse $offset -noout -out cms.sig",
      `${VERIFY} -inkey user.pub.pem -in signed-attributes.der -sigfile cms.sig`,
    ].join("\n"),
  },
  {
    id: "crl",
    title: "CRL: the issuing CA's signature, then the revoked serials",
    inputs: {
      "ca.pem": "the issuing CA certificate",
      "ca.crl": "GET /pki/crl/<caId>.crl (DER; also the certificate's CRL distribution point)",
    },
    script: [
      "openssl x509 -in ca.pem -pubkey -noout -out ca.pub.pem",
      "set -- $(openssl asn1parse -inform DER -in ca.crl | sed -n 's/^ *\\([0-9]*\\):d=1 .*/\\1/p')",
      "openssl asn1parse -inform DER -in ca.crl -strparse $1 -noout -out crl.tbs",
      "openssl asn1parse -inform DER -in ca.crl -strparse $3 -noout -out crl.sig",
      `${VERIFY} -inkey ca.pub.pem -in crl.tbs -sigfile crl.sig`,
      "openssl crl -inform DER -in ca.crl -noout -text",
    ].join("\n"),
  },
  {
    id: "ocsp",
    title: "OCSP: ask for a certificate's status, check the responder and its signature",
    inputs: {
      "ca.pem": "the issuing CA certificate",
      "ocsp.pem": "the OCSP responder certificate (GET /pki/ca: kind OCSP, active; it carries ocsp-nocheck and lives 30 days)",
      "user.pem": "the certificate to check",
    },
    script: [
      "openssl ocsp -issuer ca.pem -cert user.pem -reqout ocsp-request.der",
      'curl -s -H "Content-Type: application/ocsp-request" --data-binary @ocsp-request.der "$CERTDESK_URL/pki/ocsp" -o ocsp-response.der',
      `openssl verify -vfyopt distid:${SM2_USER_ID} -partial_chain -CAfile ca.pem -purpose ocsphelper ocsp.pem`,
      "openssl x509 -in ocsp.pem -pubkey -noout -out ocsp.pub.pem",
      "offset=$(openssl asn1parse -inform DER -in ocsp-response.der | sed -n 's/^ *\\([0-9]*\\):d=3 .*prim: OCTET STRING.*/\\1/p' | head -n 1)",
      "openssl asn1parse -inform DER -in ocsp-response.der -strparse $offset -noout -out ocsp-basic.der",
      "set -- $(openssl asn1parse -inform DER -in ocsp-basic.der | sed -n 's/^ *\\([0-9]*\\):d=1 .*/\\1/p')",
      "openssl asn1parse -inform DER -in ocsp-basic.der -strparse $1 -noout -out ocsp.tbs",
      "openssl asn1parse -inform DER -in ocsp-basic.der -strparse $3 -noout -out ocsp.sig",
      `${VERIFY} -inkey ocsp.pub.pem -in ocsp.tbs -sigfile ocsp.sig`,
      "openssl ocsp -reqin ocsp-request.der -respin ocsp-response.der -issuer ca.pem -cert user.pem -noverify",
    ].join("\n"),
  },
];
