// One custodian's share of the key-management key, as a file the custodian keeps (on paper, a USB
// stick in a safe): the Shamir share encrypted under the custodian's own passphrase (scrypt,
// AES-256-GCM; the associated data names the KMK and the share, so shares cannot be swapped
// between keys or positions unnoticed).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { bigIntToBytes, bytesToBigInt } from "@/lib/pki/encoding";
import type { ShamirShare } from "@/lib/pki/escrow";

const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export const ZKmkShareFileSchema = z.strictObject({
  format: z.literal("certdesk-kmk-share"),
  v: z.literal(1),
  kmkId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().regex(/^04[0-9a-f]{128}$/),
  threshold: z.number().int().min(1).max(255),
  total: z.number().int().min(1).max(255),
  x: z.number().int().min(1).max(255),
  kdf: z.strictObject({ name: z.literal("scrypt"), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  iv: z.string(),
  ct: z.string(),
});
export type TKmkShareFile = z.infer<typeof ZKmkShareFileSchema>;

type Header = Pick<TKmkShareFile, "kmkId" | "publicKey" | "threshold" | "total" | "x">;

const aad = (h: Header) => Buffer.from(`certdesk-kmk-share:${h.kmkId}:${h.x}:${h.threshold}:${h.total}:${h.publicKey}`);

function derive(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize("NFKC"), salt, 32, { ...kdf, maxmem: 256 * 1024 * 1024 });
}

export function assertPassphrase(passphrase: string) {
  if (passphrase.length < 12) throw new AppError("validation_failed", { userMessage: "a custodian's passphrase needs at least 12 characters" });
}

export function sealKmkShare(header: Omit<Header, "x">, share: ShamirShare, passphrase: string): TKmkShareFile {
  assertPassphrase(passphrase);
  const h = { ...header, x: share.x };
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = derive(passphrase, salt, SCRYPT);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad(h));
  const plain = Buffer.from(bigIntToBytes(share.y, 32));
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  plain.fill(0);
  key.fill(0);
  return { format: "certdesk-kmk-share", v: 1, ...h, kdf: { name: "scrypt", ...SCRYPT, salt: salt.toString("base64") }, iv: iv.toString("base64"), ct: ct.toString("base64") };
}

export function openKmkShare(file: unknown, passphrase: string): { header: Header; share: ShamirShare } {
  const parsed = ZKmkShareFileSchema.safeParse(file);
  if (!parsed.success) throw new AppError("validation_failed", { userMessage: "not a CertDesk key-management key share file" });
  const f = parsed.data;
  if (f.kdf.N > 2 ** 20 || f.kdf.r > 16 || f.kdf.p > 4) throw new AppError("validation_failed", { userMessage: "share file asks for scrypt parameters beyond the limits" });
  const key = derive(passphrase, Buffer.from(f.kdf.salt, "base64"), f.kdf);
  const body = Buffer.from(f.ct, "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(f.iv, "base64")).setAAD(aad(f));
    decipher.setAuthTag(body.subarray(body.length - 16));
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
    const y = bytesToBigInt(plain);
    plain.fill(0);
    const { kmkId, publicKey, threshold, total, x } = f;
    return { header: { kmkId, publicKey, threshold, total, x }, share: { x, y } };
  } catch {
    throw new AppError("forbidden", { userMessage: `wrong passphrase for share ${f.x} of key-management key ${f.kmkId}` });
  } finally {
    key.fill(0);
  }
}
