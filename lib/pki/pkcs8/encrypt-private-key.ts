// Passphrase-protected SM2 key file: PKCS#8 EncryptedPrivateKeyInfo (RFC 5958) with PBES2
// (RFC 8018): PBKDF2-HMAC-SHA256 and AES-256-CBC, the "ENCRYPTED PRIVATE KEY" PEM that
// `openssl pkey -in FILE` opens. Node only (node:crypto): the phone app never writes one.
import { createCipheriv, pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import * as asn1js from "asn1js";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { derToPem } from "@/lib/pki/pem";
import { PkiError } from "@/lib/pki/errors";
import { PKCS8_OID } from "./pkcs8-oids";
import { encodeSm2PrivateKeyInfo } from "./sm2-private-key-info";

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a root key file is opened a few times a year. */
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
export const ENCRYPTED_KEY_PEM_LABEL = "ENCRYPTED PRIVATE KEY";

const pbkdf2Async = promisify(pbkdf2);

export async function encryptPrivateKey(input: { privateKey: Uint8Array; passphrase: string; iterations?: number }): Promise<{ der: Uint8Array; pem: string }> {
  const iterations = input.iterations ?? PBKDF2_DEFAULT_ITERATIONS;
  if (!input.passphrase) throw new PkiError("invalid_key", "an empty passphrase would leave the key readable by anyone");
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new PkiError("invalid_key", "PBKDF2 iterations must be a positive integer");
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await pbkdf2Async(Buffer.from(input.passphrase, "utf8"), salt, iterations, 32, "sha256");
  const plain = Buffer.from(encodeSm2PrivateKeyInfo(input.privateKey));
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  key.fill(0);

  const info = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: PKCS8_OID.pbes2 }),
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [
                  new asn1js.ObjectIdentifier({ value: PKCS8_OID.pbkdf2 }),
                  new asn1js.Sequence({
                    value: [
                      new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }),
                      new asn1js.Integer({ value: iterations }),
                      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: PKCS8_OID.hmacWithSha256 }), new asn1js.Null()] }),
                    ],
                  }),
                ],
              }),
              new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: PKCS8_OID.aes256Cbc }), new asn1js.OctetString({ valueHex: toArrayBuffer(iv) })] }),
            ],
          }),
        ],
      }),
      new asn1js.OctetString({ valueHex: toArrayBuffer(encrypted) }),
    ],
  });
  const der = new Uint8Array(info.toBER(false));
  return { der, pem: derToPem(der, ENCRYPTED_KEY_PEM_LABEL) };
}
