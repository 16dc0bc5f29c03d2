import { z } from "zod";

/** An optional free-text field of a console form: trimmed, capped, empty → null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "review.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));
