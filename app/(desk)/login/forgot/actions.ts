"use server";
import { ZResetPasswordSchema } from "@/lib/server/auth/auth.types";
import { resetPassword } from "@/lib/server/auth/reset-password";
import { runAction } from "@/lib/server/http/run-action";

export async function resetPasswordAction(input: unknown) {
  return runAction(async ({ ip }) => {
    await resetPassword({ ...ZResetPasswordSchema.parse(input), ip });
  });
}
