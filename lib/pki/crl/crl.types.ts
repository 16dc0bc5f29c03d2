import { z } from "zod";
import { REVOCATION_REASON_NAMES } from "@/lib/pki/crl/revocation-reason";
import { ZSerialHexSchema } from "@/lib/pki/x509/common.types";

export const ZRevocationReasonSchema = z.enum(REVOCATION_REASON_NAMES);

export const ZRevokedEntrySchema = z.object({
  serialHex: ZSerialHexSchema,
  revokedAt: z.date(),
  /** Omitted for "unspecified": RFC 5280 5.3.1 says to leave the extension out rather than write 0. */
  reason: ZRevocationReasonSchema.optional(),
});

export const ZCrlInputSchema = z
  .object({
    /** Monotonically increasing per issuer (RFC 5280 5.2.3); the caller keeps the counter. */
    crlNumber: z.union([z.bigint(), z.number().int()]).transform(BigInt).refine((n) => n >= 0n && n < 1n << 159n),
    thisUpdate: z.date(),
    nextUpdate: z.date(),
    entries: z.array(ZRevokedEntrySchema).default([]),
  })
  .refine((v) => v.nextUpdate > v.thisUpdate, { message: "nextUpdate must be later than thisUpdate", path: ["nextUpdate"] });

export type TRevokedEntry = z.input<typeof ZRevokedEntrySchema>;
export type TCrlInput = z.input<typeof ZCrlInputSchema>;
