/**
 * Crash safety (DESIGN §6 Reliability: no acknowledged write is lost when the process is killed).
 * A real `motcua serve` takes counter intakes from 8 concurrent clients and is killed with SIGKILL
 * while requests are in flight; after a restart on the same store, every intake that got a 201 is
 * there, received, with its event, no dossier exists without its event, and the indicator aggregates
 * agree with a recount. Embedded PGlite under a temporary data dir by default; a fresh database on
 * the server of DATABASE_URL when it is set.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/system.ts';
import { createStaff } from '../src/modules/staff/staff.service.ts';
import { counterBody, LONG_XUYEN } from '../src/modules/dossiers/dossiers.fixtures.ts';
import { createPgDatabase } from './system.ts';
import { killAllServers, motcua, startServer, type ServerProcess } from './crash/server.ts';

const CLIENTS = 8;
const KILL_AFTER_ACKS = 40;
const officer = { username: 'tiepnhan.crash', password: `mat-khau-${crypto.randomBytes(6).toString('hex')}` };

let dataDir: string;
let pgDb: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
const lockFile = () => path.join(dataDir, 'server.lock');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
  if (process.env.DATABASE_URL) pgDb = await createPgDatabase(process.env.DATABASE_URL);
  // The intake officer exists before the server starts, as an operator would set it up.
  const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir });
  try {
    await migrate(database);
    await loadReferenceData(database);
    await createStaff(
      database.db,
      null,
      { ...officer, fullName: 'Cán bộ Tiếp nhận', unitCode: LONG_XUYEN, roles: ['intake_officer'] },
      true,
    );
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  try {
    await killAllServers();
    await pgDb?.drop();
  } finally {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

async function login(server: ServerProcess): Promise<Record<string, string>> {
  const res = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(officer),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}\n${server.output()}`);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

interface EventView {
  action: string;
  fromStatus: string | null;
  toStatus: string;
}
interface DossierView {
  code: string;
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  handlingUnit: { code: string };
  events: EventView[];
}

/** What is wrong with a dossier that should be a whole, just-received counter intake ('' when nothing). */
function problemOf(d: DossierView): string {
  const events = d.events.map((e) => `${e.action}:${e.fromStatus}→${e.toStatus}`);
  if (d.status !== 'received') return `status ${d.status}`;
  if (!d.receivedAt || !d.dueAt) return `receivedAt ${d.receivedAt}, dueAt ${d.dueAt}`;
  if (d.handlingUnit.code !== LONG_XUYEN) return `unit ${d.handlingUnit.code}`;
  if (events.join() !== 'received:null→received') return `events [${events.join(', ')}]`;
  return '';
}

describe(`crash safety (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('keeps every acknowledged counter intake, whole, when the server is killed mid-way', async () => {
    // 1. A server, and intakes from concurrent clients until enough are acknowledged; then SIGKILL.
    const first = await startServer(dataDir, pgDb?.url);
    if (!pgDb) expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: first.pid });
    const auth = { ...(await login(first)), 'content-type': 'application/json' };
    const acked: string[] = [];
    const unexpected: string[] = [];
    let inFlight = 0;
    let inFlightAtKill = -1;
    let stop = false;
    const client = async () => {
      while (!stop) {
        inFlight++;
        try {
          const res = await fetch(`${first.base}/api/v1/dossiers`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify(counterBody()),
          });
          const text = await res.text();
          if (res.status === 201) acked.push((JSON.parse(text) as DossierView).code);
          else unexpected.push(`${res.status} ${text}`);
        } catch (e) {
          // After the kill, requests in flight fail: the client never got a receipt for them.
          if (inFlightAtKill < 0) unexpected.push(String(e));
          stop = true;
          return;
        } finally {
          inFlight--;
        }
        if (unexpected.length) stop = true;
        if (!stop && acked.length >= KILL_AFTER_ACKS) {
          stop = true;
          inFlightAtKill = inFlight;
          first.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect(unexpected, first.output()).toEqual([]);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(inFlightAtKill).toBeGreaterThan(0); // killed mid-way, not between requests
    expect(new Set(acked).size).toBe(acked.length);

    // 2. Restart on the same store; the lock of the killed server (embedded mode) is stale, not a block.
    if (!pgDb) expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: first.pid });
    const second = await startServer(dataDir, pgDb?.url);
    const headers = await login(second);
    const get = async (code: string): Promise<DossierView | string> => {
      const res = await fetch(`${second.base}/api/v1/dossiers/${encodeURIComponent(code)}`, { headers });
      return res.status === 200 ? ((await res.json()) as DossierView) : `${res.status} ${await res.text()}`;
    };

    // 3. Every acknowledged intake is there, received, with its event.
    const lost: string[] = [];
    for (const code of acked) {
      const d = await get(code);
      const problem = typeof d === 'string' ? d : problemOf(d);
      if (problem) lost.push(`${code}: ${problem}`);
    }
    expect(lost).toEqual([]);

    // 4. No dossier of the unit is half-written: each has exactly its creation event. Dossiers whose
    //    response the kill cut off may exist too, but no more than the requests then in flight.
    const listed: string[] = [];
    let total = 0;
    do {
      const res = await fetch(`${second.base}/api/v1/dossiers?unit=${LONG_XUYEN}&limit=500&offset=${listed.length}`, { headers });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { code: string }[]; total: number };
      total = page.total;
      if (page.items.length === 0) break;
      listed.push(...page.items.map((i) => i.code));
    } while (listed.length < total);
    expect(listed).toHaveLength(total);
    expect(listed).toEqual(expect.arrayContaining(acked));
    expect(total).toBeLessThanOrEqual(acked.length + inFlightAtKill);
    const halfWritten: string[] = [];
    for (const code of listed) {
      const d = await get(code);
      const problem = typeof d === 'string' ? d : problemOf(d);
      if (problem) halfWritten.push(`${code}: ${problem}`);
    }
    expect(halfWritten).toEqual([]);

    // 5. A clean stop releases the store; the indicator aggregates agree with a recount of the dossiers.
    second.kill('SIGTERM');
    expect(await second.exited, second.output()).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile())).toBe(false);
    const { stdout } = await motcua(['rebuild-kpi', '--check', '--data-dir', dataDir], pgDb?.url);
    expect(stdout).toContain(`Khớp: ${total} hồ sơ`);
  }, 120_000);
});
