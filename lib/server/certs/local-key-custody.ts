import { randomUUID } from "node:crypto";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner, type Sm2Signer } from "@/lib/pki/signer";
import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/server/db/client";
import { openSecret, sealSecret } from "@/lib/server/security/seal";
import type { KeyCustody } from "./key-custody";

// The associated data names the key, so a sealed key copied into another CA's row does not open.
const aad = (keyRef: string) => `ca-key:${keyRef}`;

// Unsealed signers stay in memory for the life of the process: issuing at 100+ certificates per
// second cannot afford an AES-GCM open and a scalar multiplication per signature. The key bytes
// never leave the closure inside localSigner and are never logged.
const signers = new Map<string, Sm2Signer>();

export const localKeyCustody: KeyCustody = {
  name: "local",

  async createKey(label) {
    const keyRef = `local:${label}:${randomUUID()}`;
    const { privateKey, publicKey } = generateKeyPair();
    const wrappedKey = sealSecret(privateKey, aad(keyRef));
    privateKey.fill(0);
    return { keyRef, publicKey, wrappedKey };
  },

  async signer(keyRef: string, client: Db | Tx = db) {
    const cached = signers.get(keyRef);
    if (cached) return cached;
    const row = await client.certificateAuthority.findFirst({ where: { keyRef }, select: { wrappedKey: true } });
    if (!row?.wrappedKey) throw new AppError("internal", { userMessage: "CA key not found in local custody" });
    const privateKey = openSecret(row.wrappedKey, aad(keyRef));
    const signer = localSigner(privateKey);
    privateKey.fill(0);
    signers.set(keyRef, signer);
    return signer;
  },
};
