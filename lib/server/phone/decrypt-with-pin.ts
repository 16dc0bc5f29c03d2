import { serverDecryptWithShare } from "@/lib/server/certs/server-decrypt-with-share";
import { ZDecryptWithPinSchema } from "./phone.types";
import { verifyPin } from "./verify-pin";

/**
 * A two-party decryption gated by the PIN. The phone needs d1 before it can even build the request
 * (T1 = d1^-1·C1), so it first fetches W with releaseWrapKey; this second call checks the PIN again
 * before the server half runs, so W alone never buys a decryption.
 */
export async function decryptWithPin({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin, request } = ZDecryptWithPinSchema.parse(input);
  await verifyPin({ userId, keyShareId, pin, ip });
  return { response: await serverDecryptWithShare({ userId, keyShareId, request }) };
}
