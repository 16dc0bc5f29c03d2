import { keyedHash } from "@/lib/db/keyed-hash";
import { bytesToHex } from "@/lib/pki/encoding";
import { decrypt as sm2Decrypt } from "@/lib/pki/sm2-encrypt";
import { getPublicKey } from "@/lib/pki/sm2";

export const DEMO_CLIENT_ID = "demo-tender";

/**
 * The demo platform's HTTP Basic credentials. The secret is derived from the server key (the seed
 * gives the demo-tender platform the same), so nothing needs storing and a different deployment
 * gets a different secret.
 */
export function demoClientSecret() {
  return keyedHash("demo-tender-client-secret");
}

export function demoAuthorization() {
  return `Basic ${Buffer.from(`${DEMO_CLIENT_ID}:${demoClientSecret()}`).toString("base64")}`;
}

/**
 * The demo platform's own SM2 key for opened bid keys (resultEncryptionKey): derived from the server
 * key like the client secret, so CertDesk returns the decrypted key encrypted to it, never in clear.
 */
function demoResultPrivateKey() {
  return new Uint8Array(Buffer.from(keyedHash("demo-tender-result-key"), "base64url"));
}

export function demoResultPublicKeyHex() {
  return bytesToHex(getPublicKey(demoResultPrivateKey()));
}

/** Opens result.encryptedPlaintext of a decrypt request the demo made with its resultEncryptionKey. */
export function openDemoResult(encryptedPlaintext: string) {
  return sm2Decrypt(demoResultPrivateKey(), new Uint8Array(Buffer.from(encryptedPlaintext, "base64")));
}
