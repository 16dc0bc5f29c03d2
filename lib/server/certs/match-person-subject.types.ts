import { z } from "zod";
import { isValidResidentIdNumber } from "@/lib/pki/x509/identity-numbers";

/** POST /api/v1/subjects/match: the ID number the platform already holds for an account. */
export const ZMatchPersonSubjectSchema = z.object({
  idNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "invalid resident identity number"),
});

export type TMatchPersonSubject = z.input<typeof ZMatchPersonSubjectSchema>;

/** Per platform: a login page's worth of accounts a minute, a migration's worth a day. */
export const SUBJECT_MATCH_LIMITS = [
  { seconds: 60, max: 60 },
  { seconds: 24 * 3600, max: 5000 },
];
