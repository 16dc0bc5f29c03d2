import { z } from "zod";
import { ZRevokeReasonSchema } from "./revoke-certificate.types";

export const CONSOLE_CERT_STATUSES = ["all", "VALID", "REVOKED", "EXPIRED"] as const;
export const CONSOLE_EXPIRY_WINDOWS = ["any", "30", "90"] as const;

export const ZConsoleCertificateFilterSchema = z.object({
  q: z.string().trim().max(80).optional(),
  status: z.enum(CONSOLE_CERT_STATUSES).catch("all").default("all"),
  expires: z.enum(CONSOLE_EXPIRY_WINDOWS).catch("any").default("any"),
  // 待确认吊销: certificates with a PENDING revocation request (an operator's four-eyes one, or a holder's desk revocation under review).
  pending: z.enum(["any", "revocation"]).catch("any").default("any"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TConsoleCertificateFilter = z.infer<typeof ZConsoleCertificateFilterSchema>;

/** 吊销 from the console: an RFC 5280 reason and an operator's note. */
export const ZConsoleRevokeSchema = z.object({
  reason: ZRevokeReasonSchema,
  note: z.string().trim().max(500).optional(),
  // Confirming a pending request: the one the operator saw. Decided meanwhile (confirmed or 驳回) → conflict, not a fresh revocation.
  requestId: z.string().min(1).max(40).optional(),
});
export type TConsoleRevoke = z.infer<typeof ZConsoleRevokeSchema>;

/** 驳回 of a holder's desk revocation request: the reason the holder reads (4–500 characters). */
export const ZRefuseRevocationSchema = z.object({
  requestId: z.string().min(1).max(40),
  reason: z.string().trim().min(4, "review.errors.reasonRequired").max(500, "review.errors.reasonTooLong"),
});
export type TRefuseRevocation = z.input<typeof ZRefuseRevocationSchema>;
