import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { keyedHash } from "@/lib/db/keyed-hash";
import { sealSecret } from "@/lib/db/seal";

/** A trading platform with known credentials, stored as the console stores them (hash + sealed copy). */
export async function createPlatform({ webhookUrl }: { webhookUrl?: string } = {}) {
  const code = `p-${randomBytes(4).toString("hex")}`;
  const clientId = `${code}-id`;
  const clientSecret = randomBytes(24).toString("base64url");
  const platform = await db.tradingPlatform.create({
    data: {
      code,
      name: `测试交易平台 ${code}`,
      clientId,
      clientSecretHash: keyedHash("platform-secret", clientSecret),
      clientSecretEnc: sealSecret(new TextEncoder().encode(clientSecret), `platform-secret:${code}`),
      callbackUrls: [],
      webhookUrl,
    },
  });
  const authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  return { platform, clientId, clientSecret, authorization };
}
