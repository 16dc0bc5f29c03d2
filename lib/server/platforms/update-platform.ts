import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { ZUpdatePlatformSchema } from "@/lib/server/platforms/platform.types";
import { assertWebhookUrlAllowed } from "@/lib/server/platforms/assert-webhook-url-allowed";

/** Edits a platform's name, links and callback URLs (the code and client id never change). */
export async function updatePlatform({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "platforms.manage");
  const { platformId, ...data } = ZUpdatePlatformSchema.parse(input);
  assertWebhookUrlAllowed(data);
  return db.$transaction(async (tx) => {
    const exists = await tx.tradingPlatform.findUnique({ where: { id: platformId }, select: { id: true } });
    if (!exists) throw new AppError("not_found");
    const row = await tx.tradingPlatform.update({ where: { id: platformId }, data });
    await writeAudit(tx, { actorId: user.id, action: "platform.updated", targetType: "TradingPlatform", targetId: platformId, data, ip });
    return row;
  });
}
