"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { updateChannel } from "@/lib/server/channels/update-channel";

export const updateChannelAction = userAction({ args: z.tuple([z.unknown()]), permission: "channels.manage" }, async ({ user, args: [input], ip }) => {
  await updateChannel({ user, input, ip });
});
