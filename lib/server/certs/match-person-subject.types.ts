import { z } from "zod";
import { isValidResidentIdNumber } from "@/lib/pki/x509/identity-numbers";

/** POST /api/v1/subjects/match: the ID number the platform already holds for an account. */
export const ZMatchPersonSubjectSchema = z.object({
  idNumber: z.string().trim().toUpperCase().refine(isValidResidentIdNumber, "scan.errors.idNumberInvalid"),
});

export type TMatchPersonSubject = z.input<typeof ZMatchPersonSubjectSchema>;

/** Per platform: a login page's worth of accounts a minute, a migration's worth a day. */
export const SUBJECT_MATCH_LIMITS = [
  { seconds: 60, max: 60 },
  { seconds: 24 * 3600, max: 5000 },
];

/** What POST /api/v1/subjects/match answers: the identifier in the person's certificates' DN serialNumber. */
export const ZSubjectMatchSchema = z
  .object({ subjectId: z.string().regex(/^[0-9A-F]{32}$/) })
  .meta({ id: "SubjectMatch", description: "The identifier: equal to the serialNumber attribute of the person's certificates' subject DN.", examples: [{ subjectId: "5F0C2A9E71B34D8CA6E1D2F3B4C5D6E7" }] });
export type TSubjectMatch = z.infer<typeof ZSubjectMatchSchema>;
