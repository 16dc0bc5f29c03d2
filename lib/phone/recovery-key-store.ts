// The one-time transport key of a key recovery, kept on the new phone between asking and finishing
// (IndexedDB `certdesk-recovery/transport`, by key share id). The SM2 private key is stored only
// AES-GCM-encrypted under a WebCrypto key that is itself stored non-extractable: script can use
// it to decrypt here but never read it out. Deleted once the recovery is installed.
import { idbStore } from "./idb-store";

const DB_NAME = "certdesk-recovery";
const STORE = "transport";

export type StoredTransportKey = {
  keyShareId: string;
  recoveryId: string;
  publicKey: string;
  key: CryptoKey;
  iv: Uint8Array;
  ct: Uint8Array;
};

const run = idbStore({ db: DB_NAME, store: STORE, upgrade: (db) => db.createObjectStore(STORE, { keyPath: "keyShareId" }) }).run;

/** Encrypts the transport private key under a fresh non-extractable key and stores both. */
export async function saveTransportKey(input: { keyShareId: string; recoveryId: string; publicKey: string; privateKey: Uint8Array }): Promise<void> {
  const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, input.privateKey as BufferSource));
  await run("readwrite", (s) => s.put({ keyShareId: input.keyShareId, recoveryId: input.recoveryId, publicKey: input.publicKey, key, iv, ct } satisfies StoredTransportKey));
}

/** The transport private key for a recovery, or null if this phone did not ask for it. */
export async function openTransportKey(keyShareId: string, recoveryId: string): Promise<Uint8Array | null> {
  const stored = (await run("readonly", (s) => s.get(keyShareId))) as StoredTransportKey | undefined;
  if (!stored || stored.recoveryId !== recoveryId) return null;
  return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: stored.iv as BufferSource }, stored.key, stored.ct as BufferSource));
}

export async function hasTransportKey(keyShareId: string, recoveryId: string): Promise<boolean> {
  const stored = (await run("readonly", (s) => s.get(keyShareId))) as StoredTransportKey | undefined;
  return stored?.recoveryId === recoveryId;
}

export function deleteTransportKey(keyShareId: string): Promise<undefined> {
  return run("readwrite", (s) => s.delete(keyShareId));
}
