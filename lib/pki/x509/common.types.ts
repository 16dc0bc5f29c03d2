import { z } from "zod";

// zod pieces shared by the certificate builders' input schemas.

/** Any Uint8Array (z.instanceof would narrow to Uint8Array<ArrayBuffer> and refuse subarrays' types). */
export const ZBytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, "expected bytes");

export const ZSm2PublicKeySchema = ZBytesSchema
  .refine((key) => key.length === 65 && key[0] === 0x04, "SM2 public key must be a 65-byte uncompressed point");

/** Hex serial, at most 20 octets (RFC 5280 4.1.2.2), not zero. */
export const ZSerialHexSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{1,40}$/, "serial must be 1-40 hex digits")
  .refine((hex) => /[1-9a-fA-F]/.test(hex), "serial must not be zero");

export const ZValiditySchema = z
  .object({ notBefore: z.date(), notAfter: z.date() })
  .refine((v) => v.notAfter > v.notBefore, { message: "notAfter must be later than notBefore", path: ["notAfter"] });

export const ZPolicySchema = z.object({
  oid: z.string().regex(/^\d+(\.\d+)+$/, "policy must be a dotted OID"),
  cpsUri: z.url().optional(),
});

/** Where relying parties find revocation data and the issuer's certificate (RFC 5280 4.2.1.13, 4.2.2.1). */
export const ZRevocationUrlsSchema = z.object({
  crlDistributionPoints: z.array(z.url()).default([]),
  ocsp: z.array(z.url()).default([]),
  caIssuers: z.array(z.url()).default([]),
});

export type TRevocationUrls = z.input<typeof ZRevocationUrlsSchema>;
