// One PIN-gated joint signature with a key stored on this phone: the server checks the PIN, runs
// its half and returns W; d1 is opened for this signature only and wiped afterwards.
import { hexToBytes } from "@/lib/pki/encoding";
import { finishSign, startSign, type TSignResponse } from "@/lib/pki/two-party";
import { loadKey } from "./key-store";
import { phoneApi } from "./phone-api";
import { unwrapShare } from "./wrap-share";

export async function signWithStoredKey({ keyShareId, pin, message }: { keyShareId: string; pin: string; message: Uint8Array }): Promise<Uint8Array> {
  const stored = await loadKey(keyShareId);
  if (!stored) throw { code: "not_on_this_phone", message: "" };
  const publicKey = hexToBytes(stored.publicKey);
  const { e, k1, request } = startSign({ keyId: keyShareId, message, publicKey });
  const { wrapKey, response } = await phoneApi<{ wrapKey: string; response: TSignResponse }>(`/api/m/keys/${keyShareId}/sign`, { pin, request });
  const d1 = await unwrapShare({ wrapped: stored.wrapped, wrapKey, keyShareId });
  try {
    return finishSign({ d1, k1, e, publicKey, request, response });
  } finally {
    d1.fill(0);
    k1.fill(0);
  }
}
