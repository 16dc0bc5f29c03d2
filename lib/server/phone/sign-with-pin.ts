import { serverSignWithShare } from "@/lib/server/certs/server-sign-with-share";
import { ZSignWithPinSchema } from "./phone.types";
import { verifyPin } from "./verify-pin";

/**
 * A two-party signature gated by the PIN: the server half runs only after the PIN verifies, and
 * the answer carries W so the phone can open its share d1 for this one signature.
 */
export async function signWithPin({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin, request } = ZSignWithPinSchema.parse(input);
  const { wrapKey } = await verifyPin({ userId, keyShareId, pin, ip });
  const response = await serverSignWithShare({ userId, keyShareId, request });
  return { wrapKey, response };
}
