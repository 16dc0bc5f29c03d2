import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { kek } from "@/lib/server/secrets";

// Envelope for secrets at rest (key shares, CA keys, platform secrets): AES-256-GCM under the KEK,
// with the record's purpose as associated data so a value cannot be moved to another column.
// Format: v1.<iv>.<tag>.<ciphertext>, base64url.
export function sealSecret(plain: Uint8Array, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", kek(), iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return ["v1", iv, c.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function openSecret(sealed: string, aad: string): Uint8Array {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("sealed value: unknown format");
  const d = createDecipheriv("aes-256-gcm", kek(), Buffer.from(iv, "base64url"));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  return new Uint8Array(Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]));
}
