"use server";
import { ZChangePhoneSchema, ZSetPasswordSchema } from "@/lib/server/auth/auth.types";
import { requireUser } from "@/lib/server/auth/require-user";
import { setPassword } from "@/lib/server/auth/set-password";
import { changePhone } from "@/lib/server/auth/change-phone";
import { runAction } from "@/lib/server/http/run-action";

export async function setPasswordAction(input: unknown) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    await setPassword({ ...ZSetPasswordSchema.parse(input), userId: user.id, sessionId: user.sessionId, ip });
  });
}

export async function changePhoneAction(input: unknown) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    const data = ZChangePhoneSchema.parse(input);
    await changePhone({ ...data, userId: user.id, sessionId: user.sessionId, ip });
    return { phone: data.newPhone };
  });
}
