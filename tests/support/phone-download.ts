// Plays the phone's 证书下载 against the domain functions: two joint keys, the encryption share
// escrowed to the key-management key the desk names, the download, and the phone's IndexedDB
// records (d1 under W).
import { bytesToHex } from "@/lib/pki/encoding";
import { escrowShare } from "@/lib/pki/escrow";
import { finishKeygen, startKeygen } from "@/lib/pki/two-party";
import { wrapShare } from "@/lib/phone/wrap-share";
import { finishPhoneDownload } from "@/lib/server/certs/finish-phone-download";
import { startPhoneKeygen } from "@/lib/server/keys/start-phone-keygen";

export async function downloadAsPhone(userId: string, orderId: string, pin: string) {
  const keys = [];
  for (const usage of ["SIGN", "ENCRYPT"] as const) {
    const { d1, request } = startKeygen();
    const res = await startPhoneKeygen({ userId, input: { orderId, usage, request } });
    const publicKey = finishKeygen({ d1, request, response: res.response });
    keys.push({ usage, d1, keyShareId: res.keyShareId, publicKey, escrowKey: "escrowKey" in res ? res.escrowKey : undefined });
  }
  const [sign, enc] = keys as [(typeof keys)[0], (typeof keys)[0]];
  const escrow = escrowShare({ d1: enc.d1, kmk: enc.escrowKey!, orderId, signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, publicKey: bytesToHex(enc.publicKey) });
  const issued = await finishPhoneDownload({ userId, input: { orderId, signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, pin, escrow } });
  const stored = {
    sign: { ...sign, wrapped: await wrapShare({ d1: sign.d1, wrapKey: issued.wrapKey, keyShareId: sign.keyShareId }) },
    enc: { ...enc, wrapped: await wrapShare({ d1: enc.d1, wrapKey: issued.wrapKey, keyShareId: enc.keyShareId }) },
  };
  return { issued, sign, enc, stored, escrow };
}
