import { hexToBytes } from "@/lib/pki/encoding";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";

/**
 * A decrypt request may carry resultEncryptionKey, the platform's own SM2 public key: the decrypted
 * bid key is then SM2-encrypted to it (GM/T 0009 DER, base64 in result.encryptedPlaintext) and
 * result.plaintext is null, so the key never travels or rests in clear on CertDesk's side (poll,
 * events, webhooks). Without it the result carries the plaintext as before.
 */
export function encryptResultForPlatform<R extends { plaintext: string }>(payload: Record<string, unknown>, result: R) {
  const key = payload.resultEncryptionKey;
  if (typeof key !== "string") return result;
  const encrypted = sm2Encrypt(hexToBytes(key), new Uint8Array(Buffer.from(result.plaintext, "base64")), { format: "der" });
  return { ...result, plaintext: null, encryptedPlaintext: Buffer.from(encrypted).toString("base64") };
}
