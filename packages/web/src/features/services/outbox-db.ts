// The outbox on the phone (R-SVC-2 offline tolerance): every service record is written here, in IndexedDB, before it
// is sent, so a record made without a connection survives a reload or a closed browser. A small wrapper over the
// browser's own API (no library): one database, one store keyed by the record's id, which was made on the phone.

/** A photo waiting to be uploaded to its record once the server has the record. */
export interface OutboxPhoto {
  name: string;
  type: string;
  blob: Blob;
}

export type OutboxState = 'waiting' | 'sending' | 'refused';

export interface OutboxItem {
  /** The record's id (crypto.randomUUID() on the phone): sending it twice never makes two records. */
  id: string;
  /** The account that wrote it: another account logged in on the same phone neither sees nor sends it. */
  userId: string;
  /** The POST body of /api/v1/service-records, as entered. */
  body: Record<string, unknown> & { id: string };
  /** What the worker sees in the waiting list (date, form, person), written when saved. */
  title: string;
  photos: OutboxPhoto[];
  state: OutboxState;
  /** The server accepted the record; only photos remain. */
  accepted: boolean;
  /** The server's Chinese message when it refused the record (the worker fixes it or discards it). */
  error?: string;
  savedAt: string;
}

const DB = 'shegong-outbox';
const STORE = 'records';

let opening: Promise<IDBDatabase> | null = null;
function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('无法打开本机存储'));
    };
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    // Resolve when the transaction has committed (durable), not when the request alone succeeded.
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? new Error('本机存储写入失败'));
    tx.onabort = () => reject(tx.error ?? new Error('本机存储写入失败'));
  });
}

export const outboxDb = {
  put: (item: OutboxItem) => run('readwrite', (s) => s.put(item)).then(() => undefined),
  get: (id: string) => run<OutboxItem | undefined>('readonly', (s) => s.get(id) as IDBRequest<OutboxItem | undefined>),
  all: async (userId: string) => {
    const items = await run<OutboxItem[]>('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
    return items.filter((i) => i.userId === userId).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  },
  remove: (id: string) => run('readwrite', (s) => s.delete(id)).then(() => undefined),
};
