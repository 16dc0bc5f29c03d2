import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { ZCreatePlatformSchema } from "@/lib/server/platforms/platform.types";
import { assertWebhookUrlAllowed } from "@/lib/server/platforms/assert-webhook-url-allowed";
import { generatePlatformSecret } from "@/lib/server/platforms/generate-platform-secret";

/** Registers a trading platform; returns its client id and the secret, which is shown this once. */
export async function createPlatform({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "platforms.manage");
  const data = ZCreatePlatformSchema.parse(input);
  assertWebhookUrlAllowed(data);
  const { secret, ...stored } = generatePlatformSecret(data.code);
  const clientId = `${data.code}-${randomBytes(4).toString("hex")}`;
  try {
    const platform = await db.$transaction(async (tx) => {
      const row = await tx.tradingPlatform.create({ data: { ...data, clientId, ...stored, secretRotatedAt: new Date() } });
      await writeAudit(tx, { actorId: user.id, action: "platform.created", targetType: "TradingPlatform", targetId: row.id, data: { code: data.code, name: data.name, callbackUrls: data.callbackUrls }, ip });
      return row;
    });
    return { platformId: platform.id, clientId, clientSecret: secret };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("validation_failed", { fields: { code: ["review.errors.codeTaken"] } });
    throw err;
  }
}
