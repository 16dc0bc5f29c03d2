import { randomUUID } from "node:crypto";
import { generateKeyPair, getPublicKey, signDigest } from "@/lib/pki/sm2";
import { derSignatureToRaw } from "@/lib/pki/sm2-raw-signature";
import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { openSecret, sealSecret } from "@/lib/db/seal";
import type { KeyDevice } from "@/lib/server/ca/key-device.types";

// The software key device, the default: each CA key is sealed under the KEK in its
// CertificateAuthority row (wrappedKey). It answers like an HSM (r ‖ s over a host-computed
// digest), so the host checks its signatures exactly as it would a device's.

// The associated data names the key, so a sealed key copied into another CA's row does not open.
const aad = (keyRef: string) => `ca-key:${keyRef}`;

// Unsealed keys stay in memory for the life of the process, by keyRef: issuing at 100+
// certificates per second cannot afford an AES-GCM open and a scalar multiplication per signature.
// The key bytes never leave this module and are never logged.
const keys = new Map<string, { secret: Uint8Array; publicKey: Uint8Array }>();

async function load(keyRef: string, client: Db | Tx) {
  const cached = keys.get(keyRef);
  if (cached) return cached;
  const row = await client.certificateAuthority.findFirst({ where: { keyRef }, select: { wrappedKey: true } });
  if (!row?.wrappedKey) throw new AppError("internal", { userMessage: "CA key not found in local custody" });
  const secret = openSecret(row.wrappedKey, aad(keyRef));
  const key = { secret, publicKey: getPublicKey(secret) };
  keys.set(keyRef, key);
  return key;
}

export const localKeyCustody: KeyDevice = {
  name: "local",

  async generateKey(label) {
    const keyRef = `local:${label}:${randomUUID()}`;
    const { privateKey, publicKey } = generateKeyPair();
    const wrappedKey = sealSecret(privateKey, aad(keyRef));
    // Kept unsealed right away: the root signs its own certificate before its row commits.
    keys.set(keyRef, { secret: privateKey, publicKey });
    return { keyRef, publicKey, wrappedKey };
  },

  async publicKey(keyRef, client) {
    return Uint8Array.from((await load(keyRef, client)).publicKey);
  },

  async signDigest(keyRef, e) {
    const { secret } = await load(keyRef, db);
    return derSignatureToRaw(signDigest(e, secret));
  },
};
