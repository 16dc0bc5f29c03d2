import { isValidUscc } from "@/lib/validators/uscc";
import { maskIdNumber } from "@/lib/validators/mask";
import type { FreeSubjectView } from "./free-subjects.types";

// A USCC is public (营业执照); a person's ID number is shown masked, as everywhere in the console.
export function toFreeSubjectView(f: { id: string; subjectKey: string; note: string | null }): FreeSubjectView {
  const isUnit = isValidUscc(f.subjectKey);
  return { id: f.id, kind: isUnit ? "UNIT" : "INDIVIDUAL", subjectKeyShown: isUnit ? f.subjectKey : maskIdNumber(f.subjectKey), note: f.note };
}
