// Opens a PKCS#8 EncryptedPrivateKeyInfo holding an SM2 key: PBES2 with PBKDF2 (HMAC-SHA1/256/512)
// or scrypt, and AES-256-CBC: what encryptPrivateKey writes and what `openssl pkcs8 -topk8 -v2
// aes-256-cbc [-scrypt]` writes. Node only (node:crypto).
import { createDecipheriv, pbkdf2, scrypt, type ScryptOptions } from "node:crypto";
import { promisify } from "node:util";
import * as asn1js from "asn1js";
import { parseDer } from "@/lib/pki/asn1/parse-der";
import { PkiError } from "@/lib/pki/errors";
import { pemToDer } from "@/lib/pki/pem";
import { PBKDF2_PRF_DIGEST, PKCS8_OID } from "./pkcs8-oids";
import { decodeSm2PrivateKeyInfo, type Sm2PrivateKey } from "./sm2-private-key-info";
import { ENCRYPTED_KEY_PEM_LABEL } from "./encrypt-private-key";

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (password: Buffer, salt: Uint8Array, keylen: number, options: ScryptOptions) => Promise<Buffer>;

// Bounds on what a file may ask of us: a hostile file must not make the CLI spin for hours.
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

function malformed(message: string): never {
  throw new PkiError("invalid_der", `encrypted key file: ${message}`);
}

function seq(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) malformed(`${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}

function oid(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) malformed(`${what} is not an OBJECT IDENTIFIER`);
  return node.getValue();
}

function octets(node: asn1js.AsnType | undefined, what: string): Buffer {
  if (!(node instanceof asn1js.OctetString)) malformed(`${what} is not an OCTET STRING`);
  return Buffer.from(node.valueBlock.valueHexView);
}

function integer(node: asn1js.AsnType | undefined, what: string): number {
  if (!(node instanceof asn1js.Integer)) malformed(`${what} is not an INTEGER`);
  const value = Number(node.toBigInt());
  if (!Number.isSafeInteger(value) || value < 1) malformed(`${what} is out of range`);
  return value;
}

async function deriveKey(kdf: asn1js.AsnType[], passphrase: Buffer): Promise<Buffer> {
  const [kdfOid, paramsNode] = kdf;
  const params = seq(paramsNode, "key derivation parameters");
  const kind = oid(kdfOid, "key derivation algorithm");
  if (kind === PKCS8_OID.pbkdf2) {
    const salt = octets(params[0], "PBKDF2 salt");
    const iterations = integer(params[1], "PBKDF2 iterations");
    if (iterations > MAX_PBKDF2_ITERATIONS) malformed(`PBKDF2 iterations ${iterations} exceed ${MAX_PBKDF2_ITERATIONS}`);
    let rest = params.slice(2);
    if (rest[0] instanceof asn1js.Integer) {
      if (integer(rest[0], "PBKDF2 key length") !== 32) malformed("PBKDF2 key length is not 32 for AES-256");
      rest = rest.slice(1);
    }
    const prfOid = rest[0] ? oid(seq(rest[0], "PBKDF2 PRF")[0], "PBKDF2 PRF") : PKCS8_OID.hmacWithSha1;
    const digest = PBKDF2_PRF_DIGEST[prfOid];
    if (!digest) malformed(`unsupported PBKDF2 PRF ${prfOid}`);
    return pbkdf2Async(passphrase, salt, iterations, 32, digest);
  }
  if (kind === PKCS8_OID.scrypt) {
    const salt = octets(params[0], "scrypt salt");
    const N = integer(params[1], "scrypt cost");
    const r = integer(params[2], "scrypt block size");
    const p = integer(params[3], "scrypt parallelisation");
    if (params[4] && integer(params[4], "scrypt key length") !== 32) malformed("scrypt key length is not 32 for AES-256");
    const maxmem = 128 * N * r + 1024 * 1024;
    if (maxmem > MAX_SCRYPT_MEMORY) malformed("scrypt parameters ask for more than 1 GiB");
    return scryptAsync(passphrase, salt, 32, { N, r, p, maxmem });
  }
  malformed(`unsupported key derivation ${kind} (PBKDF2 or scrypt expected)`);
}

/**
 * Returns the SM2 key, or throws PkiError "decrypt_failed" for a wrong passphrase, "invalid_der"
 * for a file that is not an encrypted PKCS#8 key we support and "invalid_key" for a key that is
 * not SM2.
 */
export async function decryptPrivateKey(input: { pem: string; passphrase: string }): Promise<Sm2PrivateKey> {
  if (/-----BEGIN (EC )?PRIVATE KEY-----/.test(input.pem)) malformed("the key is not encrypted (expected ENCRYPTED PRIVATE KEY)");
  const der = pemToDer(input.pem, ENCRYPTED_KEY_PEM_LABEL);
  const [algorithm, encryptedNode] = seq(parseDer(der, "EncryptedPrivateKeyInfo"), "EncryptedPrivateKeyInfo");
  const [schemeOid, schemeParams] = seq(algorithm, "encryption algorithm");
  if (oid(schemeOid, "encryption scheme") !== PKCS8_OID.pbes2) malformed("not PBES2 (write it with openssl pkcs8 -topk8 -v2 aes-256-cbc)");
  const [kdf, cipherNode] = seq(schemeParams, "PBES2 parameters");
  const [cipherOid, ivNode] = seq(cipherNode, "PBES2 cipher");
  if (oid(cipherOid, "cipher") !== PKCS8_OID.aes256Cbc) malformed(`unsupported cipher ${oid(cipherOid, "cipher")} (AES-256-CBC expected)`);
  const iv = octets(ivNode, "AES IV");
  if (iv.length !== 16) malformed("AES IV is not 16 bytes");
  const encrypted = octets(encryptedNode, "encrypted data");

  const key = await deriveKey(seq(kdf, "key derivation"), Buffer.from(input.passphrase, "utf8"));
  let plain: Buffer | undefined;
  try {
    try {
      const decipher = createDecipheriv("aes-256-cbc", key, iv);
      plain = Buffer.concat([decipher.update(encrypted), decipher.final()]);
      parseDer(plain, "PrivateKeyInfo");
    } catch {
      // Bad padding or garbage DER: what a wrong passphrase gives (a damaged file too, rarely).
      throw new PkiError("decrypt_failed", "wrong passphrase (or the key file is corrupted)");
    }
    // Decrypted cleanly: from here an error describes the key (another curve, halves disagreeing).
    return decodeSm2PrivateKeyInfo(plain);
  } finally {
    key.fill(0);
    plain?.fill(0);
  }
}
