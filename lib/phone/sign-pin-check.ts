// 测试签名: one PIN-gated joint signature with a key stored on this phone, over the server's PIN-check
// message (signed-messages.ts): the server checks the PIN, recomputes e, runs its half and returns
// W; d1 is opened for this signature only and wiped afterwards. A W rotation this phone staged
// but never got confirmed is settled first (rotate-stored-keys.ts). Returns the message and signature.
import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import { finishSign, startSign, type TSignRequest, type TSignResponse } from "@/lib/pki/two-party";
import { loadKey } from "./key-store";
import { phoneApi } from "./phone-api";
import { pinCheckMessage } from "./signed-messages";
import { openStoredShare } from "./open-stored-share";
import { settlePendingRotation } from "./rotate-stored-keys";

export async function signPinCheck({ keyShareId, pin }: { keyShareId: string; pin: string }): Promise<{ message: Uint8Array; signature: Uint8Array }> {
  if (!(await loadKey(keyShareId))) throw { code: "not_on_this_phone", message: "" };
  await settlePendingRotation({ keyShareId, pin });
  const stored = (await loadKey(keyShareId))!;
  const publicKey = hexToBytes(stored.publicKey);
  // The message names the request's nonce, which startSign draws: take its k1, Q1 and nonce (none
  // depends on the message) and put in e for the message that nonce gives.
  const started = startSign({ keyId: keyShareId, message: new Uint8Array(0), publicKey });
  const message = pinCheckMessage({ keyShareId, nonce: started.request.nonce });
  const e = sm2Digest(message, publicKey);
  const request: TSignRequest = { ...started.request, e: bytesToHex(e) };
  const { wrapKey, response } = await phoneApi<{ wrapKey: string; response: TSignResponse }>(`/api/m/keys/${keyShareId}/sign`, { pin, request });
  const d1 = await openStoredShare({ stored, wrapKey });
  try {
    return { message, signature: finishSign({ d1, k1: started.k1, e, publicKey, request, response }) };
  } finally {
    d1.fill(0);
    started.k1.fill(0);
  }
}
