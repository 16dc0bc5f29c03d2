// One object store of an IndexedDB database on the phone, opened per call and closed after: the
// key records (key-store.ts) and the recovery transport keys (recovery-key-store.ts) use it.
export type IdbStore = {
  /** One request in a transaction of its own; resolves with its result once the transaction commits. */
  run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T>;
  /** Several writes in one transaction: all land or none. */
  putAll(records: unknown[]): Promise<void>;
};

export function idbStore({ db: name, store, upgrade }: { db: string; store: string; upgrade: (db: IDBDatabase) => void }): IdbStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const inTransaction = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => (() => T) | void): Promise<T | undefined> => {
    const db = await open();
    try {
      return await new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const result = fn(tx.objectStore(store));
        tx.oncomplete = () => resolve(result ? result() : undefined);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
  return {
    run: async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
      (await inTransaction(mode, (s) => {
        const req = fn(s);
        return () => req.result;
      })) as T,
    putAll: async (records) => {
      await inTransaction("readwrite", (s) => {
        for (const r of records) s.put(r);
      });
    },
  };
}
