"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { changeUserRole } from "@/lib/server/auth/change-user-role";

export const changeUserRoleAction = userAction({ args: z.tuple([z.unknown()]), permission: "users.manage" }, async ({ user, args: [input], ip }) => {
  const updated = await changeUserRole({ user, input, ip });
  return { role: updated.role };
});
