import { z } from "zod";

// The audit log page of the console.
export const ZAuditFilterSchema = z.object({
  targetType: z.string().trim().max(40).optional().catch(undefined),
  targetId: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(40).optional().catch(undefined),
  // An audit row id: a positive int8 (a larger number would reach PostgreSQL as an out-of-range error).
  before: z.coerce.bigint().min(1n).max(9_223_372_036_854_775_807n).optional().catch(undefined),
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
