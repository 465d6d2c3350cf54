import { ApiError, api } from '../../lib/api';
import { outboxDb, type OutboxItem, type OutboxPhoto } from './outbox-db';

// Sending the outbox (R-SVC-2 offline tolerance). A record goes to the outbox first, then to the server: at once when
// online, else when the browser comes back online, on app start and every minute. POST /service-records is idempotent
// on the record's id, so a record sent twice (a lost answer, two tabs) is still one record. Photos follow once the
// record is accepted. A record the server refuses stays, with the server's Chinese message, until the worker fixes or
// discards it: nothing is dropped silently.

const RECORDS = '/api/v1/service-records';
export const PHOTO_LABEL = '现场照片';

type Listener = () => void;
const listeners = new Set<Listener>();
/** Pages and the banner re-read the outbox when it changes. */
export function onOutboxChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const changed = () => listeners.forEach((l) => l());

/** Keeps a new record on the phone (durably: the transaction has committed) and tries to send it at once. */
export async function enqueue(
  userId: string,
  body: OutboxItem['body'],
  title: string,
  photos: OutboxPhoto[],
): Promise<void> {
  await outboxDb.put({
    id: body.id,
    userId,
    body,
    title,
    photos,
    state: 'waiting',
    accepted: false,
    savedAt: new Date().toISOString(),
  });
  changed();
  void flush(userId);
}

/** The worker fixed a refused record: it waits again, with the same id. */
export async function replace(item: OutboxItem, body: OutboxItem['body'], title: string, photos: OutboxPhoto[]) {
  await outboxDb.put({ ...item, body, title, photos, state: 'waiting', error: undefined });
  changed();
  void flush(item.userId);
}

export async function discard(id: string): Promise<void> {
  await outboxDb.remove(id);
  changed();
}

/** A refused record back to waiting (the worker asks to send it again as it is, e.g. after a colleague's fix). */
export async function retry(item: OutboxItem): Promise<void> {
  await outboxDb.put({ ...item, state: 'waiting', error: undefined });
  changed();
  void flush(item.userId);
}

/**
 * A failure that is the connection's, the session's (logged out, or the CSRF token not yet renewed after a reload
 * without a connection) or the server's for a moment, not the record's: try again later.
 */
const transient = (e: unknown) =>
  !(e instanceof ApiError) ||
  e.status >= 500 ||
  e.status === 401 ||
  e.status === 429 ||
  e.code === 'CSRF_INVALID' ||
  e.code === 'PASSWORD_CHANGE_REQUIRED';

async function uploadPhoto(id: string, p: OutboxPhoto) {
  const fd = new FormData();
  fd.append('label', PHOTO_LABEL);
  fd.append('file', new File([p.blob], p.name, { type: p.type }));
  await api.post(`${RECORDS}/${id}/files`, fd);
}

/** Sends one item; false when the connection failed (stop the round, the rest would fail too). */
async function sendOne(item: OutboxItem): Promise<boolean> {
  let cur: OutboxItem = { ...item, state: 'sending' };
  await outboxDb.put(cur);
  changed();
  try {
    if (!cur.accepted) {
      await api.post(RECORDS, cur.body);
      cur = { ...cur, accepted: true };
      await outboxDb.put(cur);
    }
    // One photo at a time, each taken off the item once uploaded, so a lost connection resends only what is left.
    while (cur.photos.length) {
      await uploadPhoto(cur.id, cur.photos[0]);
      cur = { ...cur, photos: cur.photos.slice(1) };
      await outboxDb.put(cur);
    }
    await outboxDb.remove(cur.id);
    return true;
  } catch (e) {
    if (transient(e)) {
      await outboxDb.put({ ...cur, state: 'waiting' });
      return false;
    }
    // The server's words, with each field's rule (e.g. 服务日期不能晚于今天), so the worker knows what to fix.
    const message =
      e instanceof ApiError
        ? [e.message, ...Object.values(e.fieldErrors).filter((f) => !e.message.includes(f))].join('；')
        : '发送失败';
    await outboxDb.put({ ...cur, state: 'refused', error: message });
    return true;
  } finally {
    changed();
  }
}

let running: Promise<void> | null = null;
/** A send asked for while a round runs (the session renewed meanwhile, a new record): one more round after it. */
let again = false;

/**
 * Sends what is waiting for this account, oldest first, one round at a time in this tab (a Web Lock keeps two tabs
 * from sending together where the browser has them; if both did, the server's idempotency keeps one record).
 */
export function flush(userId: string): Promise<void> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    const round = async () => {
      for (const item of await outboxDb.all(userId)) {
        if (item.state === 'refused') continue;
        if (!(await sendOne(item))) break;
      }
    };
    try {
      do {
        again = false;
        if (navigator.locks) await navigator.locks.request('shegong-outbox', round);
        else await round();
      } while (again && navigator.onLine);
    } catch {
      /* IndexedDB unavailable: nothing was queued either */
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Items left in 'sending' by a closed tab are waiting again (called on app start). */
export async function recover(userId: string): Promise<void> {
  for (const item of await outboxDb.all(userId))
    if (item.state === 'sending') await outboxDb.put({ ...item, state: 'waiting' });
  changed();
}
