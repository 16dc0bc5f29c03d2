import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { ZRotatePlatformSecretSchema } from "@/lib/server/platforms/platform.types";
import { generatePlatformSecret } from "@/lib/server/platforms/generate-platform-secret";

/** Replaces a platform's client secret at once (the old one stops working); the new one is shown once. */
export async function rotatePlatformSecret({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "platforms.manage");
  const { platformId } = ZRotatePlatformSecretSchema.parse(input);
  return db.$transaction(async (tx) => {
    const platform = await tx.tradingPlatform.findUnique({ where: { id: platformId }, select: { id: true, code: true, clientId: true } });
    if (!platform) throw new AppError("not_found");
    const { secret, ...stored } = generatePlatformSecret(platform.code);
    await tx.tradingPlatform.update({ where: { id: platformId }, data: { ...stored, secretRotatedAt: new Date() } });
    await writeAudit(tx, { actorId: user.id, action: "platform.secret_rotated", targetType: "TradingPlatform", targetId: platformId, data: { code: platform.code }, ip });
    return { clientId: platform.clientId, clientSecret: secret };
  });
}
