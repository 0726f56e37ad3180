/**
 * The volunteer's outbox: every outcome tapped on the phone is stored in IndexedDB first, with a
 * clientId and the time of the tap, then sent when there is a connection. An outcome leaves the queue
 * only once the server has acknowledged it ("created" or "duplicate"); a lost answer therefore means a
 * second send, which the server recognises by the clientId and counts once (docs/field-work.md).
 */
import type { FieldOutcome, FieldOutcomeBatchResult } from '@motcua/contracts';
import { deleteAll, getAll, putAll } from './idb.ts';

export interface QueuedOutcome {
  clientId: string;
  personId: number;
  outcome: FieldOutcome;
  /** ISO 8601 instant of the tap (the phone's clock). */
  recordedAt: string;
  note?: string;
  /** For the volunteer's own lists only; never sent. */
  personName: string;
}

export interface RejectedOutcome extends QueuedOutcome {
  reason: string;
}

/** A random UUID v4. crypto.randomUUID needs a secure context; getRandomValues does not. */
export function newClientId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function enqueue(o: Omit<QueuedOutcome, 'clientId' | 'recordedAt'>, now = new Date()): Promise<QueuedOutcome> {
  const item: QueuedOutcome = { ...o, clientId: newClientId(), recordedAt: now.toISOString() };
  await putAll('queue', [item]);
  return item;
}

export async function queued(): Promise<QueuedOutcome[]> {
  return (await getAll<QueuedOutcome>('queue')).sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}

export const rejectedOutcomes = () => getAll<RejectedOutcome>('rejected');
export const forgetRejected = (ids: string[]) => deleteAll('rejected', ids);

export type SyncResult =
  | { status: 'empty' }
  | { status: 'sent'; created: number; duplicates: number; rejected: number }
  | { status: 'offline' }
  | { status: 'login' }
  | { status: 'forbidden' }
  | { status: 'error'; httpStatus: number };

const BATCH = 200;

interface Answer {
  status: number;
  body: unknown;
}

/** POST /api/v1/field/outcomes; null when the network failed (no answer at all). */
async function post(items: QueuedOutcome[]): Promise<Answer | null> {
  try {
    const res = await fetch('/api/v1/field/outcomes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ items: items.map(({ clientId, personId, outcome, recordedAt, note }) => ({ clientId, personId, outcome, recordedAt, ...(note ? { note } : {}) })) }),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch {
    return null;
  }
}

function rejectedOf(body: unknown): { clientId: string; reason: string }[] | null {
  const list = (body as { error?: { details?: { rejected?: unknown } } } | null)?.error?.details?.rejected;
  return Array.isArray(list) ? (list as { clientId: string; reason: string }[]) : null;
}

let inFlight: Promise<SyncResult> | null = null;

/** Sends the queue in batches; one sync at a time per page. */
export function syncOutbox(): Promise<SyncResult> {
  inFlight ??= run().finally(() => (inFlight = null));
  return inFlight;
}

async function run(): Promise<SyncResult> {
  let created = 0;
  let duplicates = 0;
  let rejectedCount = 0;
  let items = await queued();
  if (items.length === 0) return { status: 'empty' };
  while (items.length > 0) {
    const batch = items.slice(0, BATCH);
    const answer = await post(batch);
    if (!answer) return { status: 'offline' };
    if (answer.status === 200) {
      const r = answer.body as FieldOutcomeBatchResult;
      created += r.created;
      duplicates += r.duplicates;
      await deleteAll('queue', batch.map((i) => i.clientId));
      items = items.slice(BATCH);
      continue;
    }
    if (answer.status === 401) return { status: 'login' };
    const bad = rejectedOf(answer.body);
    if (bad && bad.length > 0 && [400, 404, 409].includes(answer.status)) {
      // The server wrote nothing of this batch: set the refused outcomes aside and send the rest again.
      const reasons = new Map(bad.map((b) => [b.clientId.toLowerCase(), b.reason]));
      const refused = batch.filter((i) => reasons.has(i.clientId.toLowerCase()));
      await putAll<RejectedOutcome>('rejected', refused.map((i) => ({ ...i, reason: reasons.get(i.clientId.toLowerCase())! })));
      await deleteAll('queue', refused.map((i) => i.clientId));
      rejectedCount += refused.length;
      items = items.filter((i) => !reasons.has(i.clientId.toLowerCase()));
      continue;
    }
    if (answer.status === 403) return { status: 'forbidden' };
    return { status: 'error', httpStatus: answer.status };
  }
  return { status: 'sent', created, duplicates, rejected: rejectedCount };
}
