/**
 * The periodic expiry of payment intents nobody answered (the citizen closed the gateway's page, or
 * pressed "Hết thời gian" on the simulator). Reads also close their own stale intents lazily, so
 * this job only keeps the table tidy between reads; it is safe to run on every server instance (one
 * guarded UPDATE).
 */
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../shared/logger.ts';
import { expireStalePayments } from './payments.service.ts';

export const EXPIRY_JOB_INTERVAL_MS = 60_000;

/** Starts the job; returns the function that stops it (system close). */
export function startPaymentExpiryJob(db: Db, log: Logger, intervalMs = EXPIRY_JOB_INTERVAL_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const n = await expireStalePayments(db, new Date());
      if (n) log.info({ expired: n }, 'payment intents expired');
    } catch (err) {
      log.error({ err }, 'payment expiry job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
