import { z } from "zod";
import { ZRevocationReasonSchema } from "@/lib/pki/crl/crl.types";
import { ZBytesSchema } from "@/lib/pki/x509/common.types";
import { MAX_NONCE_LENGTH } from "@/lib/pki/ocsp/ocsp-nonce";

export const ZOcspHashSchema = z.enum(["SHA-1", "SHA-256", "SM3"]);

export const ZOcspRequestOptionsSchema = z.object({
  /** SHA-1 is what every responder understands (RFC 5019); SM3/SHA-256 for GM-only deployments. */
  hashAlgorithm: ZOcspHashSchema.default("SHA-1"),
  /** Explicit nonce bytes, or true for 16 fresh random bytes, or absent for none. */
  nonce: z.union([z.literal(true), ZBytesSchema.refine((n) => n.length >= 1 && n.length <= MAX_NONCE_LENGTH)]).optional(),
});

/**
 * What the responder's lookup answers for one certificate. thisUpdate/nextUpdate default to the
 * response time and the response validity; revokedAt is the revocation time the CA recorded.
 */
export const ZCertStatusSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("good"), thisUpdate: z.date().optional(), nextUpdate: z.date().optional() }),
  z.object({
    status: z.literal("revoked"),
    revokedAt: z.date(),
    reason: ZRevocationReasonSchema.optional(),
    thisUpdate: z.date().optional(),
    nextUpdate: z.date().optional(),
  }),
  z.object({ status: z.literal("unknown"), thisUpdate: z.date().optional(), nextUpdate: z.date().optional() }),
]);

export const ZOcspResponseOptionsSchema = z.object({
  /** producedAt, and thisUpdate unless the lookup says otherwise. */
  now: z.date().optional(),
  /** nextUpdate = thisUpdate + this, unless the lookup says otherwise. */
  validitySeconds: z.number().int().positive().max(7 * 24 * 3600).default(3600),
});

export type TOcspRequestOptions = z.input<typeof ZOcspRequestOptionsSchema>;
export type TCertStatus = z.input<typeof ZCertStatusSchema>;
export type TOcspResponseOptions = z.input<typeof ZOcspResponseOptionsSchema>;
