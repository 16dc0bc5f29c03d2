import { z } from "zod";
import { isValidResidentIdNumber, isValidUscc } from "@/lib/pki/x509/identity-numbers";
import { ZPolicySchema, ZRevocationUrlsSchema, ZSerialHexSchema, ZSm2PublicKeySchema, ZValiditySchema } from "@/lib/pki/x509/common.types";

export const ZUnitSubjectSchema = z.object({
  type: z.literal("unit"),
  organizationName: z.string().trim().min(1).max(64),
  /** 统一社会信用代码, validated with its check character. */
  uscc: z.string().trim().toUpperCase().refine(isValidUscc, "invalid unified social credit code"),
  email: z.email().optional(),
});

export const ZIndividualSubjectSchema = z.object({
  type: z.literal("individual"),
  personName: z.string().trim().min(1).max(64),
  /** 18-character resident identity number, validated with its check character. */
  idNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "invalid resident identity number"),
  /**
   * The DN serialNumber: the person's subject identifier, made and kept by the desk (never derived
   * from the ID number alone). PrintableString characters.
   */
  subjectId: z.string().regex(/^[0-9A-Z]{16,64}$/, "subject identifier: 16-64 upper-case letters and digits"),
  /**
   * Also write the full number into the GM/T 0015 extension. Only for relying parties that
   * require it, with the person's recorded consent: the certificate is public.
   */
  discloseIdNumber: z.boolean().default(false),
  email: z.email().optional(),
});

export const ZEndEntitySubjectSchema = z.discriminatedUnion("type", [ZUnitSubjectSchema, ZIndividualSubjectSchema]);

export const ZEndEntityInputSchema = z.object({
  subject: ZEndEntitySubjectSchema,
  /** Dual certificates: one key signs, a different key encrypts (GM/T 0015, GM/T 0034). */
  usage: z.enum(["signing", "encryption"]),
  publicKey: ZSm2PublicKeySchema,
  validity: ZValiditySchema,
  serialHex: ZSerialHexSchema.optional(),
  urls: ZRevocationUrlsSchema,
  policies: z.array(ZPolicySchema).default([]),
});

export type TEndEntitySubject = z.input<typeof ZEndEntitySubjectSchema>;
export type TEndEntityInput = z.input<typeof ZEndEntityInputSchema>;
