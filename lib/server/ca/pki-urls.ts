import { env } from "@/lib/env";

// The public PKI URLs, under APP_URL. Certificates carry these forever, so they name CAs by their
// CertificateAuthority.id (a cuid that never changes, unlike a display name) and each one is
// served by exactly one route in app/(pki)/pki:
//   CRL:          /pki/crl/<caId>.crl   application/pkix-crl (DER)
//   CA cert:      /pki/ca/<caId>.cer    application/pkix-cert (DER), and .pem
//   OCSP:         /pki/ocsp             POST application/ocsp-request, or GET /pki/ocsp/<base64>
//   CP/CPS:       /cps                  the certificate policy and practice statement (id-qt-cps)
export function pkiUrls(base: string = env().APP_URL) {
  const root = base.replace(/\/+$/, "");
  return {
    crl: (caId: string) => `${root}/pki/crl/${caId}.crl`,
    caCertificate: (caId: string, format: "cer" | "pem" = "cer") => `${root}/pki/ca/${caId}.${format}`,
    ocsp: () => `${root}/pki/ocsp`,
    cps: () => `${root}/cps`,
  };
}
