"use server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { changeUserRole } from "@/lib/server/admin/change-user-role";

export async function changeUserRoleAction(input: unknown) {
  return runAction(async ({ ip }) => {
    const user = await requireUser({ permission: "users.manage" });
    const updated = await changeUserRole({ user, input, ip });
    return { role: updated.role };
  });
}
