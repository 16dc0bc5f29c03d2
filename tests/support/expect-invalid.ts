import { expect } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/** Domain functions reject bad input with a ZodError (the boundary maps it to 422) or AppError validation_failed. */
export async function expectInvalid(p: Promise<unknown>, field: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  if (err instanceof ZodError) {
    expect(err.issues.map((i) => i.path.join("."))).toContain(field);
    return;
  }
  expect(err, "expected a validation error").toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("validation_failed");
  expect(Object.keys((err as AppError).fields ?? {})).toContain(field);
}
