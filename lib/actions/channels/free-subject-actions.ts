"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { addFreeSubject } from "@/lib/server/channels/add-free-subject";
import { ZAddFreeSubjectSchema } from "@/lib/server/channels/free-subjects.types";
import { removeFreeSubject } from "@/lib/server/channels/remove-free-subject";
import { ZId } from "@/lib/validators/id";

// 免费条件: a channel's free subjects (channels.manage).
export const addFreeSubjectAction = userAction({ args: z.tuple([ZId, ZAddFreeSubjectSchema]), permission: "channels.manage" }, async ({ user, args: [channelId, input] }) => {
  const row = await addFreeSubject({ staff: user, channelId, input });
  revalidatePath(`/console/channels/${channelId}`);
  return row;
});

export const removeFreeSubjectAction = userAction({ args: z.tuple([ZId, ZId]), permission: "channels.manage" }, async ({ user, args: [channelId, freeSubjectId] }) => {
  const out = await removeFreeSubject({ staff: user, channelId, freeSubjectId });
  revalidatePath(`/console/channels/${channelId}`);
  return out;
});
