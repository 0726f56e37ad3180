/**
 * Delivers the outbox (DESIGN §3.7, §6 "outbox delivery is at-least-once and idempotent").
 *
 * One round: claim due rows in one short statement (FOR UPDATE SKIP LOCKED, status `sending`, a
 * lease in next_attempt_at), deliver them outside any transaction, then record each outcome:
 * sent, or back to pending with exponential backoff and jitter, or failed for good after
 * `maxAttempts` or a permanent refusal. If the process dies between claim and record, the rows
 * become claimable again when the lease ends, so nothing is lost; if it dies after the provider
 * accepted a message but before "sent" was written, the next attempt carries the same key (the
 * outbox id), which the provider uses to drop the repeat, so nobody gets the message twice.
 *
 * Time comes from `now()` and randomness from `random()`, both injectable, so tests move a clock
 * instead of sleeping.
 */
import type { NotificationChannel } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../shared/logger.ts';
import { maskText } from '../../shared/mask.ts';
import { getProcedure } from '../catalog/catalog.service.ts';
import { DeliveryError, type ChannelAdapters } from './notifications.channels.ts';
import * as repo from './notifications.repo.ts';
import type { OutboxRow } from './notifications.repo.ts';
import {
  isTemplateName,
  renderEmail,
  renderSms,
  renderZalo,
  type NotificationPayload,
  type RenderContext,
} from './notifications.templates.ts';

export interface WorkerOptions {
  db: Db;
  adapters: ChannelAdapters;
  publicUrl: string;
  provinceName: string;
  /** Channels this installation runs; rows of others fail with a clear message. */
  enabledChannels: readonly NotificationChannel[];
  /** ZNS template ids by template name; the name itself when absent. */
  zaloTemplateIds?: Record<string, string>;
  log?: Logger;
  now?: () => Date;
  random?: () => number;
  /** How long a claim holds a row; longer than any provider call can take (their timeouts are ≤ 20 s). */
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** Delay before the 2nd attempt; doubled each time, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type Outcome = 'sent' | 'retry' | 'failed' | 'lost_lease';

export interface RoundSummary {
  claimed: number;
  sent: number;
  retry: number;
  failed: number;
  lostLease: number;
}

/** "Recipient <nguyen.van.a@example.vn> rejected" → "Recipient <n***@example.vn> rejected". */
export const maskEmails = (s: string) =>
  s.replace(/([A-Za-z0-9_%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)/g, '$1***@$2');

export const WORKER_DEFAULTS = {
  leaseMs: 60_000,
  batchSize: 20,
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
} as const;

/**
 * Backoff before attempt `attempts + 1`: base·2^(attempts−1), capped, then "equal jitter" (between
 * half and all of it) so rows that failed together do not retry together.
 */
export function backoffMs(attempts: number, random: number, o: { baseDelayMs: number; maxDelayMs: number }): number {
  const full = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + (random * full) / 2);
}

export interface NotificationWorker {
  /** Claims due rows (one statement); exposed so a test can claim and then "crash". */
  claim(limit?: number): Promise<OutboxRow[]>;
  /** Sends one claimed row through its provider without recording the outcome; resolves to the provider id. */
  send(row: OutboxRow): Promise<string>;
  /** Sends claimed rows and records each outcome. */
  deliver(rows: OutboxRow[]): Promise<Outcome[]>;
  /** One round: claim a batch and deliver it. */
  runOnce(): Promise<RoundSummary>;
  /** Rounds until nothing is due. */
  drain(): Promise<RoundSummary>;
  /** Polls every `intervalMs` until `stop`. */
  start(intervalMs: number): void;
  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void>;
}

export function createNotificationWorker(opts: WorkerOptions): NotificationWorker {
  const o = {
    ...WORKER_DEFAULTS,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
  } as Required<WorkerOptions>;
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const { db, adapters, log } = opts;

  async function renderContext(procedureCode: string, cache: Map<string, Promise<string>>): Promise<RenderContext> {
    let name = cache.get(procedureCode);
    if (!name) {
      name = getProcedure(db, procedureCode).then((p) => p.name);
      cache.set(procedureCode, name);
    }
    return { publicUrl: opts.publicUrl, provinceName: opts.provinceName, procedureName: await name };
  }

  async function sendWith(row: OutboxRow, cache: Map<string, Promise<string>>): Promise<string> {
    if (!opts.enabledChannels.includes(row.channel))
      throw new DeliveryError(`Kênh ${row.channel} không được bật (MOTCUA_NOTIFY_CHANNELS)`, true);
    if (!isTemplateName(row.template)) throw new DeliveryError(`Không có mẫu thông báo "${row.template}"`, true);
    const payload = row.payload as unknown as NotificationPayload;
    const ctx = await renderContext(payload.procedureCode, cache);
    const key = `outbox-${row.id}`;
    switch (row.channel) {
      case 'email':
        return adapters.email.send({ key, to: row.recipient, ...renderEmail(row.template, payload, ctx) });
      case 'sms':
        return adapters.sms.send({ key, to: row.recipient, text: renderSms(row.template, payload, ctx) });
      case 'zalo':
        return adapters.zalo.send({
          key,
          to: row.recipient,
          templateId: opts.zaloTemplateIds?.[row.template] ?? row.template,
          data: renderZalo(row.template, payload, ctx),
        });
    }
  }

  async function deliverOne(row: OutboxRow, cache: Map<string, Promise<string>>): Promise<Outcome> {
    const base = { id: row.id, attempts: row.attempts };
    // A row claimed more often than allowed kept killing its worker mid-delivery: stop trying.
    if (row.attempts > o.maxAttempts) {
      const ok = await repo.markFailed(db, {
        ...base,
        at: now(),
        error: 'Quá số lần thử (tiến trình gửi bị gián đoạn)',
        retryAt: null,
      });
      return ok ? 'failed' : 'lost_lease';
    }
    try {
      const providerMessageId = await sendWith(row, cache);
      const ok = await repo.markSent(db, { ...base, at: now(), providerMessageId });
      if (!ok) log?.warn({ outboxId: row.id }, 'notification sent after its lease ended; another worker owns the row');
      return ok ? 'sent' : 'lost_lease';
    } catch (e) {
      const permanent = e instanceof DeliveryError ? e.permanent : false;
      // Provider messages may quote the address or number: masked before they are stored or logged.
      const error = maskEmails(maskText((e as Error).message ?? String(e))).slice(0, 1000);
      const final = permanent || row.attempts >= o.maxAttempts;
      const at = now();
      const retryAt = final ? null : new Date(at.getTime() + backoffMs(row.attempts, random(), o));
      const ok = await repo.markFailed(db, { ...base, at, error, retryAt });
      log?.warn({ outboxId: row.id, channel: row.channel, attempts: row.attempts, final, error }, 'notification delivery failed');
      if (!ok) return 'lost_lease';
      return final ? 'failed' : 'retry';
    }
  }

  const worker: NotificationWorker = {
    claim: (limit = o.batchSize) => {
      const at = now();
      return repo.claimDue(db, { now: at, leaseUntil: new Date(at.getTime() + o.leaseMs), limit });
    },
    send: (row) => sendWith(row, new Map()),
    async deliver(rows) {
      const cache = new Map<string, Promise<string>>();
      // One at a time: the batch is small, and on the embedded database every write queues anyway.
      const out: Outcome[] = [];
      for (const row of rows) out.push(await deliverOne(row, cache));
      return out;
    },
    async runOnce() {
      const rows = await worker.claim();
      const outcomes = await worker.deliver(rows);
      const count = (x: Outcome) => outcomes.filter((v) => v === x).length;
      return {
        claimed: rows.length,
        sent: count('sent'),
        retry: count('retry'),
        failed: count('failed'),
        lostLease: count('lost_lease'),
      };
    },
    async drain() {
      const total: RoundSummary = { claimed: 0, sent: 0, retry: 0, failed: 0, lostLease: 0 };
      for (;;) {
        const r = await worker.runOnce();
        for (const k of Object.keys(total) as (keyof RoundSummary)[]) total[k] += r[k];
        if (r.claimed === 0) return total;
      }
    },
    start(intervalMs) {
      if (timer || intervalMs <= 0) return;
      stopped = false;
      const tick = async () => {
        try {
          // A full batch means more may be waiting: go again at once.
          for (;;) {
            if (stopped) return;
            inFlight = worker.runOnce();
            const r = await inFlight;
            if (r.claimed < o.batchSize) break;
          }
        } catch (e) {
          log?.error({ err: e }, 'notification worker round failed');
        } finally {
          inFlight = null;
          if (!stopped) timer = setTimeout(() => void tick(), intervalMs).unref();
        }
      };
      // Unref'd: a pending poll never keeps the process alive on its own.
      timer = setTimeout(() => void tick(), intervalMs).unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => undefined);
    },
  };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let inFlight: Promise<RoundSummary> | null = null;
  return worker;
}
