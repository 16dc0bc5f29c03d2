import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";

/** Every platform asked for must be an active trading platform (never the desk's own row). */
export async function assertRequestablePlatforms(tx: Tx, platformIds: string[]) {
  const found = await tx.tradingPlatform.count({ where: { id: { in: platformIds }, active: true, isDesk: false } });
  if (found !== platformIds.length) throw new AppError("validation_failed", { fields: { platformIds: ["orgRequests.errors.platformInvalid"] } });
}
