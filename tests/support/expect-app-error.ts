import { expect } from "vitest";
import { AppError } from "@/lib/errors";

export async function expectAppError(p: Promise<unknown>, code: string, userMessage?: string): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (userMessage) expect((err as AppError).userMessage).toBe(userMessage);
  return err as AppError;
}
