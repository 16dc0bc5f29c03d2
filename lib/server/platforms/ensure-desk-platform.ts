import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { generatePlatformSecret } from "./generate-platform-secret";

export const DESK_PLATFORM_CODE = "certdesk";

/**
 * The desk's own TradingPlatform row (isDesk): the relying party of its own scan-to-sign, for enterprise
 * letters signed on the phone. Created once, by whoever needs it first: an upsert on the code, and a
 * parallel creator that loses the unique race reads the winner's row. Its client secret is generated and
 * thrown away, so nobody can call the platform API as the desk. A platform an operator registered under
 * the same code is never taken over (INTERNAL: rename that platform).
 */
export async function ensureDeskPlatform(client: Db | Tx = db): Promise<{ id: string }> {
  const existing = await client.tradingPlatform.findUnique({ where: { code: DESK_PLATFORM_CODE }, select: { id: true, isDesk: true } });
  if (existing) return checked(existing);
  const { secret: _discarded, ...stored } = generatePlatformSecret(DESK_PLATFORM_CODE);
  try {
    const row = await client.tradingPlatform.upsert({
      where: { code: DESK_PLATFORM_CODE },
      create: { code: DESK_PLATFORM_CODE, name: "CertDesk 云证书服务台", nameEn: "CertDesk", clientId: `${DESK_PLATFORM_CODE}-desk`, isDesk: true, callbackUrls: [], ...stored },
      update: {},
      select: { id: true, isDesk: true },
    });
    return checked(row);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const row = await client.tradingPlatform.findUniqueOrThrow({ where: { code: DESK_PLATFORM_CODE }, select: { id: true, isDesk: true } });
    return checked(row);
  }
}

function checked(row: { id: string; isDesk: boolean }) {
  if (!row.isDesk) throw new AppError("internal", { userMessage: "errors.internal" });
  return { id: row.id };
}
