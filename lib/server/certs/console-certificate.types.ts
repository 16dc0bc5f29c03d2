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
});
export type TConsoleRevoke = z.infer<typeof ZConsoleRevokeSchema>;
