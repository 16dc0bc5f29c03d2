"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { createPlatform } from "@/lib/server/platforms/create-platform";
import { rotatePlatformSecret } from "@/lib/server/platforms/rotate-platform-secret";
import { updatePlatform } from "@/lib/server/platforms/update-platform";

const manage = { args: z.tuple([z.unknown()]), permission: "platforms.manage" } as const;

export const createPlatformAction = userAction(manage, ({ user, args: [input], ip }) => createPlatform({ user, input, ip }));

export const updatePlatformAction = userAction(manage, async ({ user, args: [input], ip }) => {
  await updatePlatform({ user, input, ip });
});

export const rotatePlatformSecretAction = userAction(manage, ({ user, args: [input], ip }) => rotatePlatformSecret({ user, input, ip }));
