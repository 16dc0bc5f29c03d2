// IndexedDB records of the phone's key shares. Each record holds d1 only encrypted (wrap-share.ts)
// plus the public data needed to use it; nothing here is secret without W from the server. During
// a W rotation (rotate-stored-keys.ts) a record also holds `next`: the refreshed share d1·ρ under
// W', kept next to the current one until the server confirms; whichever W the server releases
// opens exactly one of them (AES-GCM fails on the other).
import { idbStore } from "./idb-store";
import type { WrappedShare } from "./wrap-share";

export type StoredKey = {
  keyShareId: string;
  usage: "SIGN" | "ENCRYPT";
  orderId: string;
  certificateId: string;
  serialHex: string;
  /** Joint public key, hex (uncompressed point), from the certificate. */
  publicKey: string;
  wrapped: WrappedShare;
  /** A refreshed share under the next W, not yet confirmed by the server. */
  next?: { wrapped: WrappedShare; createdAt: string };
  createdAt: string;
};

const shares = idbStore({
  db: "certdesk-keys",
  store: "shares",
  upgrade: (db) => db.createObjectStore("shares", { keyPath: "keyShareId" }).createIndex("certificateId", "certificateId", { unique: true }),
});
const run = shares.run;

/** Both shares of a download land together or not at all. */
export function saveKeys(records: StoredKey[]): Promise<void> {
  return shares.putAll(records);
}

export function loadKey(keyShareId: string): Promise<StoredKey | undefined> {
  return run("readonly", (s) => s.get(keyShareId) as IDBRequest<StoredKey | undefined>);
}

export function listKeys(): Promise<StoredKey[]> {
  return run("readonly", (s) => s.getAll() as IDBRequest<StoredKey[]>);
}

/** After 证书注销: the revoked pair's records go (the server halves are destroyed; these are useless and would only confuse). */
export async function deleteKeys(keyShareIds: string[]): Promise<void> {
  for (const id of keyShareIds) await run("readwrite", (s) => s.delete(id));
}
