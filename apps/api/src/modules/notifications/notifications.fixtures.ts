/**
 * Test harness of the notification tests (imported by *.test.ts only): a test system listening on
 * a free loopback port (the SMS and Zalo simulators are reached over real HTTP), the SMTP simulator
 * on another, and workers wired to them with a clock the test moves.
 */
import type { Db } from '../../db/client.ts';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { startSmtpSimulator, type SmtpSimulator } from '../../simulators/smtp/smtp.server.ts';
import { buildWorker } from './notifications.runtime.ts';
import type { NotificationWorker, WorkerOptions } from './notifications.worker.ts';

export interface NotifyHarness {
  sys: TestSystem;
  db: Db;
  /** http://127.0.0.1:<port> */
  base: string;
  smtp: SmtpSimulator;
  clock: { now: Date };
  worker(o?: Partial<WorkerOptions>): NotificationWorker;
  close(): Promise<void>;
}

export async function notifyHarness(): Promise<NotifyHarness> {
  const sys = await createTestSystem();
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  const address = sys.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const smtp = await startSmtpSimulator({ db: sys.database.db, port: 0 });
  const clock = { now: new Date() };
  const closers: (() => void)[] = [];
  const config = { ...sys.config, smsUrl: `${base}/sim/sms`, zaloUrl: `${base}/sim/zalo` };
  return {
    sys,
    db: sys.database.db,
    base,
    smtp,
    clock,
    worker(o = {}) {
      const built = buildWorker(sys.database.db, config, { smtpUrl: smtp.url, now: () => clock.now, random: () => 0.5, ...o });
      closers.push(built.close);
      return built.worker;
    },
    async close() {
      for (const c of closers) c();
      await smtp.close();
      await sys.close();
    },
  };
}

/** What the three simulators received, keyed by the outbox key: [stored messages, requests]. */
export async function received(db: Db): Promise<Map<string, { channel: string; stored: number; requests: number }>> {
  const out = new Map<string, { channel: string; stored: number; requests: number }>();
  const add = (channel: string, key: string, requests: number) => {
    const e = out.get(key) ?? { channel, stored: 0, requests: 0 };
    e.stored += 1;
    e.requests += requests;
    out.set(key, e);
  };
  for (const r of await db.selectFrom('sim_sms_messages').select(['idempotency_key', 'requests']).execute())
    add('sms', r.idempotency_key, r.requests);
  for (const r of await db.selectFrom('sim_zalo_messages').select(['tracking_id', 'requests']).execute())
    add('zalo', r.tracking_id, r.requests);
  for (const r of await db.selectFrom('sim_mail_messages').select(['message_id', 'requests']).execute()) {
    // <outbox-12.motcua-91@host> → outbox-12
    add('email', /^<(outbox-\d+)\./.exec(r.message_id ?? '')?.[1] ?? String(r.message_id), r.requests);
  }
  return out;
}
