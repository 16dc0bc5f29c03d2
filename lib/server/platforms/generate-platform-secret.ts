import { randomBytes } from "node:crypto";
import { keyedHash } from "@/lib/db/keyed-hash";
import { sealSecret } from "@/lib/db/seal";

/**
 * A new client secret for a trading platform, in the two stored forms prisma/seed.ts uses: a keyed
 * hash to check the platform's API calls, and a KEK-sealed copy to sign webhooks with. The plain
 * secret is returned once, to be shown to the admin, and never stored.
 */
export function generatePlatformSecret(code: string) {
  const secret = randomBytes(24).toString("base64url");
  return {
    secret,
    clientSecretHash: keyedHash("platform-secret", secret),
    clientSecretEnc: sealSecret(new TextEncoder().encode(secret), `platform-secret:${code}`),
  };
}
