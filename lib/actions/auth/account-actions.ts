"use server";
import { z } from "zod";
import { ZChangePhoneSchema, ZSetPasswordSchema } from "@/lib/server/auth/auth.types";
import { setPassword } from "@/lib/server/auth/set-password";
import { changePhone } from "@/lib/server/auth/change-phone";
import { userAction } from "@/lib/server/http/user-action";

export const setPasswordAction = userAction({ args: z.tuple([ZSetPasswordSchema]) }, async ({ user, args: [input], ip }) => {
  await setPassword({ ...input, userId: user.id, sessionId: user.sessionId, ip });
});

export const changePhoneAction = userAction({ args: z.tuple([ZChangePhoneSchema]) }, async ({ user, args: [input], ip }) => {
  await changePhone({ ...input, userId: user.id, sessionId: user.sessionId, ip });
  return { phone: input.newPhone };
});
