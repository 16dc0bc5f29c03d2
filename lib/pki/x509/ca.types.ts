import { z } from "zod";
import { ZPolicySchema, ZRevocationUrlsSchema, ZSerialHexSchema, ZSm2PublicKeySchema, ZValiditySchema } from "@/lib/pki/x509/common.types";

export const ZCaSubjectSchema = z.object({
  countryName: z.string().regex(/^[A-Z]{2}$/).default("CN"),
  organizationName: z.string().min(1).max(64),
  organizationalUnitName: z.string().min(1).max(64).optional(),
  commonName: z.string().min(1).max(64),
});

export const ZRootCaInputSchema = z.object({
  subject: ZCaSubjectSchema,
  validity: ZValiditySchema,
  serialHex: ZSerialHexSchema.optional(),
});

export const ZIssuingCaInputSchema = z.object({
  subject: ZCaSubjectSchema,
  publicKey: ZSm2PublicKeySchema,
  validity: ZValiditySchema,
  serialHex: ZSerialHexSchema.optional(),
  /** 0: this CA issues end-entity certificates only. */
  pathLength: z.number().int().min(0).max(8).default(0),
  /** The ROOT's CRL and OCSP/caIssuers URLs, under which this CA certificate can be revoked. */
  urls: ZRevocationUrlsSchema.default({ crlDistributionPoints: [], ocsp: [], caIssuers: [] }),
  policies: z.array(ZPolicySchema).default([]),
});

export const ZOcspResponderInputSchema = z.object({
  subject: ZCaSubjectSchema,
  publicKey: ZSm2PublicKeySchema,
  validity: ZValiditySchema,
  serialHex: ZSerialHexSchema.optional(),
});

export type TCaSubject = z.input<typeof ZCaSubjectSchema>;
export type TRootCaInput = z.input<typeof ZRootCaInputSchema>;
export type TIssuingCaInput = z.input<typeof ZIssuingCaInputSchema>;
export type TOcspResponderInput = z.input<typeof ZOcspResponderInputSchema>;
