import { createHash } from "node:crypto";
import { encodeSpki } from "@/lib/pki/spki";

const PREFIX = "offline:";

/**
 * The keyRef of a CA whose key the desk does not hold (the root, kept in a passphrase-protected
 * file): `offline:` + SHA-256 of its SubjectPublicKeyInfo, which `openssl pkey -pubout -outform DER
 * | sha256sum` reproduces from the key file.
 */
export function offlineKeyRef(publicKey: Uint8Array): string {
  return PREFIX + createHash("sha256").update(encodeSpki(publicKey)).digest("hex");
}

export function isOfflineKeyRef(keyRef: string): boolean {
  return keyRef.startsWith(PREFIX);
}
