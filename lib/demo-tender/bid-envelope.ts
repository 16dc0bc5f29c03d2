import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { encrypt } from "@/lib/pki/sm2-encrypt";
import { pemToDer } from "@/lib/pki/pem";
import { certificatePublicKey, certificateSerialHex, toCertificate } from "@/lib/pki/x509/certificate-input";

/**
 * 投标文件加密: a digital envelope. The file is sealed with AES-256-GCM under a fresh key; the key
 * is SM2-encrypted (OpenSSL DER format) to the bidder's encryption certificate, so only the
 * bidder's split key, i.e. their phone and the PIN, can open it at bid opening.
 */
export function sealBid({ file, encryptionCertificate }: { file: Uint8Array; encryptionCertificate: string }) {
  const cert = toCertificate(pemToDer(encryptionCertificate));
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(file), cipher.final()]);
  const sealed = new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]));
  const keyCiphertext = Buffer.from(encrypt(certificatePublicKey(cert), key, { format: "der" })).toString("base64");
  key.fill(0);
  return { sealed, keyCiphertext, serial: certificateSerialHex(cert) };
}

/** Opens the envelope with the session key the holder's phone decrypted. */
export function openBid({ sealed, key }: { sealed: Uint8Array; key: Uint8Array }): Uint8Array {
  const iv = sealed.subarray(0, 12);
  const tag = sealed.subarray(sealed.length - 16);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]));
}
