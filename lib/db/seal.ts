import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keyring, type Kek } from "@/lib/db/secrets";

// Envelope encryption for secrets at rest (key shares, PIN verifiers, CA keys, platform and TOTP
// secrets): each value gets its own data key (AES-256-GCM, with the record's purpose as associated
// data so a value cannot be moved to another column); the data key is wrapped by the KEK (AES key
// wrap, RFC 3394), named by its key id. Rotating the KEK re-wraps data keys only (kek:rotate).
// Format v2.<kid>.<wrapped data key>.<iv>.<tag>.<ciphertext>, base64url.
// v1.<iv>.<tag>.<ciphertext> (the KEK used directly, before key ids) still opens.

const WRAP_IV = Buffer.from("A6A6A6A6A6A6A6A6", "hex");
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const unb64 = (s: string) => Buffer.from(s, "base64url");

function wrap(kek: Buffer, dek: Buffer): Buffer {
  const c = createCipheriv("id-aes256-wrap", kek, WRAP_IV);
  return Buffer.concat([c.update(dek), c.final()]);
}

function unwrap(kek: Buffer, wrapped: Buffer): Buffer {
  const d = createDecipheriv("id-aes256-wrap", kek, WRAP_IV);
  return Buffer.concat([d.update(wrapped), d.final()]);
}

function gcmOpen(key: Buffer, iv: string, tag: string, ct: string, aad: string): Uint8Array {
  const d = createDecipheriv("aes-256-gcm", key, unb64(iv));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(unb64(tag));
  return new Uint8Array(Buffer.concat([d.update(unb64(ct)), d.final()]));
}

function findKek(kid: string): Kek {
  const ring = keyring();
  const kek = [ring.current, ...ring.previous].find((k) => k.kid === kid);
  if (!kek) throw new Error(`sealed value: KEK ${kid} is not configured (CERTDESK_KEK / CERTDESK_KEK_PREVIOUS)`);
  return kek;
}

export function sealSecret(plain: Uint8Array, aad: string): string {
  const { current } = keyring();
  const dek = randomBytes(32);
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", dek, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  const wrapped = wrap(current.key, dek);
  dek.fill(0);
  return ["v2", current.kid, b64(wrapped), b64(iv), b64(c.getAuthTag()), b64(ct)].join(".");
}

export function openSecret(sealed: string, aad: string): Uint8Array {
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 6) {
    const [, kid, wrapped, iv, tag, ct] = parts as [string, string, string, string, string, string];
    const dek = unwrap(findKek(kid).key, unb64(wrapped));
    try {
      return gcmOpen(dek, iv, tag, ct, aad);
    } finally {
      dek.fill(0);
    }
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, ct] = parts as [string, string, string, string];
    const ring = keyring();
    let lastError: unknown;
    for (const kek of [ring.current, ...ring.previous]) {
      try {
        return gcmOpen(kek.key, iv, tag, ct, aad);
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  }
  throw new Error("sealed value: unknown format");
}

/** The KEK id a sealed value depends on ("legacy" for v1, which used the KEK directly). */
export function sealedKeyId(sealed: string): string {
  const parts = sealed.split(".");
  return parts[0] === "v2" ? parts[1]! : "legacy";
}

/**
 * Rotation of one value: a v2 value sealed under an earlier KEK gets its data key re-wrapped under
 * the current one (the ciphertext stays); returns null when there is nothing to do. A v1 value is
 * re-sealed whole, which needs its purpose (`aad`); without it, null.
 */
export function rewrapSealed(sealed: string, aad?: string): string | null {
  const parts = sealed.split(".");
  const { current } = keyring();
  if (parts[0] === "v2" && parts.length === 6) {
    if (parts[1] === current.kid) return null;
    const dek = unwrap(findKek(parts[1]!).key, unb64(parts[2]!));
    try {
      return ["v2", current.kid, b64(wrap(current.key, dek)), parts[3], parts[4], parts[5]].join(".");
    } finally {
      dek.fill(0);
    }
  }
  if (parts[0] === "v1" && aad !== undefined) return sealSecret(openSecret(sealed, aad), aad);
  return null;
}
