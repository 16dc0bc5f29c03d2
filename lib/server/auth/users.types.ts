import { z } from "zod";

// The people page of the console.
export const ZChangeUserRoleSchema = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(["APPLICANT", "CA_REVIEWER", "CA_ADMIN"]),
});
export type TChangeUserRole = z.infer<typeof ZChangeUserRoleSchema>;

export const ZListUsersSchema = z.object({
  q: z.string().trim().max(40).optional().catch(undefined),
  role: z.enum(["APPLICANT", "CA_REVIEWER", "CA_ADMIN"]).optional().catch(undefined),
});
