import { z } from "zod";

// GET /pki/ca (the CA repository index, no credentials): typed by these and documented from them.

export const ZPkiCaSchema = z
  .object({
    id: z.string().describe("Stable CA id: names its certificate and CRL URLs forever."),
    kind: z
      .enum(["ROOT", "ISSUING", "OCSP"])
      .describe("ROOT: the trust anchor (pin its SHA-256 fingerprint). ISSUING: signs holders' certificates and its CRL. OCSP: the responder certificate (ocsp-nocheck, 30 days, replaced automatically)."),
    subjectDn: z.string(),
    serialHex: z.string(),
    notBefore: z.iso.datetime(),
    notAfter: z.iso.datetime(),
    active: z.boolean().describe("false: retired (still listed while certificates it issued may be checked)."),
    certificateUrl: z.url().describe("DER (.cer); the same path with .pem gives PEM."),
    crlUrl: z.url().optional().describe("ROOT and ISSUING only."),
  })
  .meta({ id: "PkiCa" });
export type TPkiCa = z.infer<typeof ZPkiCaSchema>;

export const ZPkiCaIndexSchema = z.object({ cas: z.array(ZPkiCaSchema) }).meta({ id: "PkiCaIndex" });
export type TPkiCaIndex = z.infer<typeof ZPkiCaIndexSchema>;
