// IndexedDB records of the phone's key shares. Each record holds d1 only encrypted (wrap-share.ts)
// plus the public data needed to use it; nothing here is secret without W from the server. During
// a W rotation (rotate-stored-keys.ts) a record also holds `next`: the refreshed share d1·ρ under
// W', kept next to the current one until the server confirms; whichever W the server releases
// opens exactly one of them (AES-GCM fails on the other).
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

const DB_NAME = "certdesk-keys";
const STORE = "shares";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: "keyShareId" });
      store.createIndex("certificateId", "certificateId", { unique: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function saveKeys(records: StoredKey[]): Promise<void> {
  return open().then(
    (db) =>
      new Promise<void>((resolve, reject) => {
        // Both shares of a download land together or not at all.
        const tx = db.transaction(STORE, "readwrite");
        for (const r of records) tx.objectStore(STORE).put(r);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export function loadKey(keyShareId: string): Promise<StoredKey | undefined> {
  return run("readonly", (s) => s.get(keyShareId) as IDBRequest<StoredKey | undefined>);
}

export function listKeys(): Promise<StoredKey[]> {
  return run("readonly", (s) => s.getAll() as IDBRequest<StoredKey[]>);
}
