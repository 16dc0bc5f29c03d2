import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { keyedHash, safeEqual } from "@/lib/db/keyed-hash";

/**
 * Trading platforms call the API with HTTP Basic credentials (client id : client secret).
 * The secret is compared by its keyed hash; an unknown id and a wrong secret answer alike.
 */
export async function authenticatePlatform(authorization: string | null) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(authorization ?? "");
  const decoded = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
  const sep = decoded.indexOf(":");
  if (sep <= 0) throw new AppError("unauthenticated", { userMessage: "scan.errors.invalidClient" });
  const clientId = decoded.slice(0, sep);
  const secret = decoded.slice(sep + 1);
  const platform = await db.tradingPlatform.findUnique({ where: { clientId }, omit: { clientSecretHash: false } });
  const expected = platform?.clientSecretHash ?? keyedHash("platform-secret", "no-such-client");
  const ok = safeEqual(expected, keyedHash("platform-secret", secret));
  if (!platform || !ok || !platform.active) throw new AppError("unauthenticated", { userMessage: "scan.errors.invalidClient" });
  const { clientSecretHash: _omit, ...rest } = platform;
  return rest;
}
