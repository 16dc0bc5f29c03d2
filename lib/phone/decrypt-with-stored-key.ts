// One PIN-gated joint decryption (C1C3C2 or OpenSSL's DER) with a key stored on this phone.
import { finishDecrypt, startDecrypt, type TDecryptResponse } from "@/lib/pki/two-party";
import { loadKey } from "./key-store";
import { phoneApi } from "./phone-api";
import { openStoredShare } from "./open-stored-share";
import { settlePendingRotation } from "./rotate-stored-keys";

export async function decryptWithStoredKey({ keyShareId, pin, ciphertext }: { keyShareId: string; pin: string; ciphertext: Uint8Array }): Promise<Uint8Array> {
  if (!(await loadKey(keyShareId))) throw { code: "not_on_this_phone", message: "" };
  await settlePendingRotation({ keyShareId, pin });
  const stored = (await loadKey(keyShareId))!;
  const { wrapKey } = await phoneApi<{ wrapKey: string }>(`/api/m/keys/${keyShareId}/wrap-key`, { pin });
  const d1 = await openStoredShare({ stored, wrapKey });
  let started: ReturnType<typeof startDecrypt>;
  try {
    started = startDecrypt({ keyId: keyShareId, d1, ciphertext });
  } finally {
    d1.fill(0);
  }
  const { response } = await phoneApi<{ response: TDecryptResponse }>(`/api/m/keys/${keyShareId}/decrypt`, { pin, request: started.request });
  return finishDecrypt({ ...started, response });
}
