"use server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { updateChannel } from "@/lib/server/admin/update-channel";

export async function updateChannelAction(input: unknown) {
  return runAction(async ({ ip }) => {
    const user = await requireUser({ permission: "channels.manage" });
    await updateChannel({ user, input, ip });
  });
}
