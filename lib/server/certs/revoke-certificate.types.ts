import { z } from "zod";

// RFC 5280 5.3.1 reasons a CA records for an end-entity certificate. certificateHold and
// removeFromCRL are left out: revocation here is permanent and there are no delta CRLs;
// cACompromise and aACompromise concern authorities, not subscribers.
export const ZRevokeReasonSchema = z.enum([
  "unspecified",
  "keyCompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
  "privilegeWithdrawn",
]);

export const ZRevokeCertificateSchema = z.object({
  certificateId: z.string().min(1).max(64),
  reason: ZRevokeReasonSchema,
  /** Who revoked it (reviewer, admin, or the subscriber); recorded in the audit row. */
  actorId: z.string().min(1).max(64).nullable(),
  ip: z.string().max(64).optional(),
});

export type TRevokeReason = z.infer<typeof ZRevokeReasonSchema>;
export type TRevokeCertificate = z.input<typeof ZRevokeCertificateSchema>;
