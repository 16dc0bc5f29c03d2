import { pinCheckMessage } from "@/lib/phone/signed-messages";
import { assertSignsMessage } from "@/lib/server/keys/assert-signs-message";
import { ZSignWithPinSchema } from "@/lib/server/keys/keys.types";
import { runSignHalf } from "@/lib/server/keys/run-sign-half";
import { verifyPin } from "@/lib/server/keys/verify-pin";

/**
 * 测试签名: a two-party signature gated by the PIN, over the server's PIN-check message only
 * ("CertDesk PIN check <keyShareId> <nonce>", the request's one-time nonce): the holder learns that
 * PIN and key work, and the route is no oracle for a digest of the caller's choosing. The half runs
 * only after the PIN verifies, and the answer carries W so the phone can open d1 for it.
 */
export async function signWithPin({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin, request } = ZSignWithPinSchema.parse(input);
  await assertSignsMessage({ userId, keyShareId, request, message: pinCheckMessage({ keyShareId, nonce: request.nonce }) });
  const { wrapKey } = await verifyPin({ userId, keyShareId, pin, ip });
  const response = await runSignHalf({ userId, keyShareId, request, route: "POST /api/m/keys/:keyShareId/sign", ip });
  return { wrapKey, response };
}
