import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** zod at the domain boundary: a bad input is a 422 with field messages, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw new AppError("validation_failed", { fields });
}
