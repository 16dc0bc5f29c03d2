import { sha1 } from "@noble/hashes/legacy.js";

/**
 * Key identifier by RFC 5280 4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value.
 * It is only a name for the key, not a security function, and SHA-1 is what OpenSSL computes, so
 * `openssl x509 -text` and our SKI/AKI agree.
 */
export function keyIdentifier(publicKey: Uint8Array): Uint8Array {
  return sha1(publicKey);
}
