import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

export async function getPlatform({ user, platformId }: { user: Pick<SessionUser, "role">; platformId: string }) {
  assertPermission(user, "platforms.manage");
  const platform = await db.tradingPlatform.findUnique({ where: { id: platformId } });
  if (!platform) throw new AppError("not_found");
  return platform;
}
