/**
 * A very small promise wrapper over IndexedDB for the volunteer's outbox: two object stores keyed by
 * clientId, "queue" (outcomes not yet acknowledged by the server) and "rejected" (outcomes the server
 * refused, kept so the volunteer sees them). IndexedDB survives reloads and offline starts, unlike
 * memory, and unlike localStorage it is not limited to one tab's synchronous writes.
 */
const DB_NAME = 'motcua-field';
const VERSION = 1;
export type StoreName = 'queue' | 'rejected';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'clientId' });
      if (!db.objectStoreNames.contains('rejected')) db.createObjectStore('rejected', { keyPath: 'clientId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('indexedDB.open failed'));
    };
  });
  return opening;
}

/** Runs `work` in one transaction and resolves when it has committed (not merely when the request succeeded). */
async function inTransaction<T>(store: StoreName, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    let result: T | undefined;
    const req = work(tx.objectStore(store));
    if (req) req.onsuccess = () => (result = req.result);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export async function putAll<T extends { clientId: string }>(store: StoreName, items: T[]): Promise<void> {
  if (items.length === 0) return;
  await inTransaction(store, 'readwrite', (s) => {
    for (const item of items) s.put(item);
  });
}

export async function getAll<T>(store: StoreName): Promise<T[]> {
  return ((await inTransaction(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>)) ?? []) as T[];
}

export async function deleteAll(store: StoreName, clientIds: string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await inTransaction(store, 'readwrite', (s) => {
    for (const id of clientIds) s.delete(id);
  });
}

export async function clear(store: StoreName): Promise<void> {
  await inTransaction(store, 'readwrite', (s) => s.clear());
}
