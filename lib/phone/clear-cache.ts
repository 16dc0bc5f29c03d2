// 清除缓存 on the phone: what the app keeps in this browser, and clearing it. Cache Storage (the service
// worker's shell) and web storage (code countdowns, remembered inputs) are cache; the key records in
// IndexedDB (certdesk-keys, certdesk-recovery) are NOT: they are half of each certificate's private key
// and exist nowhere else, so they are deleted only when the caller passes `withKeys` (after the warning).
import { deleteKeys, listKeys } from "./key-store";

const RECOVERY_DB = "certdesk-recovery";

export type CacheInventory = {
  /** Entries in Cache Storage. */
  pages: number;
  /** Items in localStorage and sessionStorage. */
  items: number;
  /** Certificates whose key this phone holds (both key records of a pair count once). */
  certificateIds: string[];
  keyRecords: number;
};

export async function readCacheInventory(): Promise<CacheInventory> {
  let pages = 0;
  if ("caches" in window) {
    for (const name of await caches.keys()) pages += (await (await caches.open(name)).keys()).length;
  }
  const keys = await listKeys().catch(() => []);
  return { pages, items: localStorage.length + sessionStorage.length, certificateIds: [...new Set(keys.map((k) => k.certificateId))], keyRecords: keys.length };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Clears the cache; the key records only with `withKeys`. Returns what was removed. */
export async function clearAppCache({ withKeys }: { withKeys: boolean }): Promise<{ cleared: number; keysDeleted: number }> {
  const before = await readCacheInventory();
  if ("caches" in window) for (const name of await caches.keys()) await caches.delete(name);
  localStorage.clear();
  sessionStorage.clear();
  let keysDeleted = 0;
  if (withKeys) {
    const keys = await listKeys().catch(() => []);
    await deleteKeys(keys.map((k) => k.keyShareId));
    await deleteDatabase(RECOVERY_DB);
    keysDeleted = before.certificateIds.length;
  }
  return { cleared: before.pages + before.items, keysDeleted };
}
