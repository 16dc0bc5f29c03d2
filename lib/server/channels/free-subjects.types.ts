import { z } from "zod";
import { isValidIdNumber } from "@/lib/validators/id-number";
import { isValidUscc } from "@/lib/validators/uscc";

/**
 * 免费条件: a subject a channel serves free of charge, named by its USCC (a unit) or its ID number (a
 * person) exactly as orders carry it (Order.subjectKey), with the reason (a policy, an agreement).
 */
export const ZAddFreeSubjectSchema = z.object({
  subjectKey: z
    .string()
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .refine((v) => isValidUscc(v) || isValidIdNumber(v), "freeSubjects.errors.keyInvalid"),
  note: z.string().trim().min(2, "freeSubjects.errors.noteRequired").max(100, "freeSubjects.errors.noteRequired"),
});
export type TAddFreeSubject = z.infer<typeof ZAddFreeSubjectSchema>;

export type FreeSubjectView = { id: string; kind: "UNIT" | "INDIVIDUAL"; subjectKeyShown: string; note: string | null };
