"use server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { createPlatform } from "@/lib/server/admin/create-platform";
import { rotatePlatformSecret } from "@/lib/server/admin/rotate-platform-secret";
import { updatePlatform } from "@/lib/server/admin/update-platform";

export async function createPlatformAction(input: unknown) {
  return runAction(async ({ ip }) => createPlatform({ user: await requireUser({ permission: "platforms.manage" }), input, ip }));
}

export async function updatePlatformAction(input: unknown) {
  return runAction(async ({ ip }) => {
    await updatePlatform({ user: await requireUser({ permission: "platforms.manage" }), input, ip });
  });
}

export async function rotatePlatformSecretAction(input: unknown) {
  return runAction(async ({ ip }) => rotatePlatformSecret({ user: await requireUser({ permission: "platforms.manage" }), input, ip }));
}
