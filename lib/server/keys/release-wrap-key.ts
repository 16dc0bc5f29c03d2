import { z } from "zod";
import { ZPinSchema } from "@/lib/server/keys/keys.types";
import { verifyPin } from "@/lib/server/keys/verify-pin";

const ZReleaseWrapKeySchema = z.object({ pin: ZPinSchema });

/** W for one operation whose request needs d1 first (decryption); the PIN is checked and counted as always. */
export async function releaseWrapKey({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin } = ZReleaseWrapKeySchema.parse(input);
  const { wrapKey } = await verifyPin({ userId, keyShareId, pin, ip });
  return { wrapKey };
}
