import { useCallback, useEffect, useRef, useState } from 'react';
import { enqueue, queued, rejectedOutcomes, syncOutbox, type QueuedOutcome, type RejectedOutcome, type SyncResult } from './outbox.ts';

export interface Outbox {
  online: boolean;
  pending: QueuedOutcome[];
  rejected: RejectedOutcome[];
  /** The last sync's outcome; null before the first. */
  last: SyncResult | null;
  syncing: boolean;
  /** False when IndexedDB cannot be opened (private mode on some browsers): outcomes cannot be kept offline. */
  storage: boolean;
  record: (o: Omit<QueuedOutcome, 'clientId' | 'recordedAt'>) => Promise<void>;
  syncNow: () => void;
}

/** Retry delays while something is waiting: 5 s, 15 s, 30 s, then every minute. */
const RETRY_MS = [5_000, 15_000, 30_000, 60_000];

/**
 * The outbox for a page: what is waiting, sync on start, after each tap, when the browser says it is
 * back online, and on a timer while anything waits (the "online" event is not reliable on every phone).
 */
export function useOutbox(onSent?: (r: SyncResult) => void): Outbox {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [pending, setPending] = useState<QueuedOutcome[]>([]);
  const [rejected, setRejected] = useState<RejectedOutcome[]>([]);
  const [last, setLast] = useState<SyncResult | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [storage, setStorage] = useState(true);
  const attempt = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const refresh = useCallback(async () => {
    try {
      const [q, r] = await Promise.all([queued(), rejectedOutcomes()]);
      setPending(q);
      setRejected(r);
      return q.length;
    } catch {
      setStorage(false);
      return 0;
    }
  }, []);

  const sync = useCallback(async () => {
    window.clearTimeout(timer.current);
    setSyncing(true);
    let result: SyncResult;
    try {
      result = await syncOutbox();
    } catch {
      result = { status: 'error', httpStatus: 0 };
    }
    setSyncing(false);
    setLast(result);
    const left = await refresh();
    if (result.status === 'sent') onSentRef.current?.(result);
    if (left > 0 && result.status !== 'login' && result.status !== 'forbidden') {
      const delay = RETRY_MS[Math.min(attempt.current, RETRY_MS.length - 1)]!;
      attempt.current += 1;
      timer.current = window.setTimeout(() => void sync(), delay);
    } else {
      attempt.current = 0;
    }
  }, [refresh]);

  useEffect(() => {
    void refresh().then(() => sync());
    const up = () => {
      setOnline(true);
      attempt.current = 0;
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearTimeout(timer.current);
    };
  }, [refresh, sync]);

  const record = useCallback(
    async (o: Omit<QueuedOutcome, 'clientId' | 'recordedAt'>) => {
      await enqueue(o);
      await refresh();
      attempt.current = 0;
      if (navigator.onLine) void sync();
    },
    [refresh, sync],
  );

  return { online, pending, rejected, last, syncing, storage, record, syncNow: () => void sync() };
}
