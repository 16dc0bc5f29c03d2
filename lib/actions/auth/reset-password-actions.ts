"use server";
import { z } from "zod";
import { ZResetPasswordSchema } from "@/lib/server/auth/auth.types";
import { resetPassword } from "@/lib/server/auth/reset-password";
import { publicAction } from "@/lib/server/http/public-action";

export const resetPasswordAction = publicAction({ args: z.tuple([ZResetPasswordSchema]) }, async ({ args: [input], ip }) => {
  await resetPassword({ ...input, ip });
});
