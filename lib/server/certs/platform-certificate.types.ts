import { z } from "zod";
import { REVOCATION_REASON_NAMES } from "@/lib/pki/crl/revocation-reason";

/** GET /api/v1/certificates/:serial — the serial as result.serial gives it (hex, any case). */
export const ZPlatformCertificateParams = z.object({ serial: z.string().regex(/^[0-9a-fA-F]{2,64}$/, "scan.errors.serialFormat").meta({ example: "5f1c0d9e2a7b4c3d" }) });

const pem = z.string().describe("PEM");

/** What GET /api/v1/certificates/:serial answers: status and chain, as JSON instead of OCSP. */
export const ZCertificateStatusSchema = z
  .object({
    serial: z.string().describe("Lowercase hex."),
    usage: z.enum(["sign", "encrypt"]),
    subject: z.string().describe("The subject DN in the certificate's own (X.500) order, as in scan results."),
    notBefore: z.iso.datetime(),
    notAfter: z.iso.datetime(),
    status: z.enum(["valid", "revoked", "expired"]).describe("From the rows the OCSP responder answers from, at checkedAt."),
    revokedAt: z.iso.datetime().nullable(),
    revocationReason: z.enum(REVOCATION_REASON_NAMES).nullable().describe("RFC 5280 reason name (keyCompromise, affiliationChanged, superseded, cessationOfOperation, …)."),
    certificate: pem,
    chain: z.array(pem).describe("The issuing CA's certificate, then the root's (PEM)."),
    ocspUrl: z.url(),
    crlUrl: z.url(),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: "CertificateStatus" });
export type TCertificateStatus = z.infer<typeof ZCertificateStatusSchema>;
