import { pinCheckMessage } from "@/lib/phone/signed-messages";
import { assertSignsMessage } from "@/lib/server/keys/assert-signs-message";
import { ZSignWithPinSchema } from "@/lib/server/keys/keys.types";
import { runSignHalf } from "@/lib/server/keys/run-sign-half";
import type { Tx } from "@/lib/db/client";
import { checkPinIn } from "@/lib/server/keys/check-pin-in";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { pinFailureError } from "@/lib/server/keys/record-pin-failure";

/**
 * 测试签名: a two-party signature gated by the PIN, over the server's PIN-check message only
 * ("CertDesk PIN check <keyShareId> <nonce>", the request's one-time nonce): the holder learns that
 * PIN and key work, and the route is no oracle for a digest of the caller's choosing. The half runs
 * only after the PIN verifies, and the answer carries W so the phone can open d1 for it.
 */
export async function signWithPin({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin, request } = ZSignWithPinSchema.parse(input);
  const { shareIds, publicKey } = await findKeyGroup({ userId, keyShareId });
  await assertSignsMessage({ userId, keyShareId, request, message: pinCheckMessage({ keyShareId, nonce: request.nonce }), publicKey });
  // The PIN is checked in the half's transaction (a wrong one counted and committed without a half).
  let wrapKey = "";
  const gate = async (tx: Tx) => {
    const checked = await checkPinIn(tx, { userId, keyShareId, pin, shareIds, ip });
    if (!checked.ok) return pinFailureError(checked);
    wrapKey = checked.wrapKey;
    return null;
  };
  const response = await runSignHalf({ userId, keyShareId, request, route: "POST /api/m/keys/:keyShareId/sign", ip, gate });
  return { wrapKey, response };
}
