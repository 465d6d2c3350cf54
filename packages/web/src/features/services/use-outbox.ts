import { useCallback, useEffect, useState } from 'react';
import { outboxDb, type OutboxItem } from './outbox-db';
import { onOutboxChange } from './outbox';

/** The account's outbox, re-read whenever it changes; null while reading. */
export function useOutbox(userId: string | undefined): OutboxItem[] | null {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const read = useCallback(() => {
    if (!userId) return;
    outboxDb
      .all(userId)
      .then(setItems)
      .catch(() => setItems([]));
  }, [userId]);
  useEffect(() => {
    read();
    return onOutboxChange(read);
  }, [read]);
  return items;
}

/** Whether the browser says it is online, kept current by its online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}
