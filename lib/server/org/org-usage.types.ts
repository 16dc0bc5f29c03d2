import { z } from "zod";

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const optional = <T extends z.ZodTypeAny>(s: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

// GET /org/:orgId/usage and /api/org/:orgId/usage.csv — the filters, from the query string.
export const ZOrgUsageFilterSchema = z.object({
  memberId: optional(z.string().min(1).max(64)),
  type: optional(z.enum(["login", "sign", "decrypt", "sync_subject"])),
  platformId: optional(z.string().min(1).max(64)),
  from: optional(ZDay),
  to: optional(ZDay),
  result: optional(z.enum(["pending", "scanned", "completed", "rejected", "expired", "failed"])),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(5000).default(50),
});
export type TOrgUsageFilter = z.input<typeof ZOrgUsageFilterSchema>;
