"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { updateChannel } from "@/lib/server/channels/update-channel";

export const updateChannelAction = userAction({ args: z.tuple([z.unknown()]), permission: "channels.manage" }, async ({ user, args: [input], ip }) => {
  const channel = await updateChannel({ user, input, ip });
  // The form's next save is conditional on this version.
  return { version: channel.updatedAt.toISOString() };
});
