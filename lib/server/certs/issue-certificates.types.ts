import { z } from "zod";
import { isValidResidentIdNumber, isValidUscc } from "@/lib/pki/x509/identity-numbers";

const ZId = z.string().min(1).max(64);

export const ZCertSubjectSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("UNIT"),
    orgName: z.string().trim().min(1).max(64),
    uscc: z.string().trim().toUpperCase().refine(isValidUscc, "invalid unified social credit code"),
  }),
  z.object({
    type: z.literal("INDIVIDUAL"),
    name: z.string().trim().min(1).max(64),
    idNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "invalid resident identity number"),
    /** Full ID number in the GM/T 0015 extension: only with the person's recorded consent. */
    discloseIdNumber: z.boolean().default(false),
  }),
]);

export const ZIssueCertificatesSchema = z.object({
  orderId: ZId.optional(),
  userId: ZId,
  /** The organisation the certificates belong to; found by USCC when omitted for a unit. */
  orgId: ZId.optional(),
  keyShares: z
    .object({ sign: ZId, encrypt: ZId })
    .refine((k) => k.sign !== k.encrypt, { message: "signing and encryption need two different keys", path: ["encrypt"] }),
  subject: ZCertSubjectSchema,
  years: z.number().int().min(1).max(10),
  /** Who caused the issuance (the approving reviewer; the subscriber when omitted), for the audit rows. */
  actorId: ZId.nullable().optional(),
});

export type TCertSubject = z.input<typeof ZCertSubjectSchema>;
export type TIssueCertificates = z.input<typeof ZIssueCertificatesSchema>;
