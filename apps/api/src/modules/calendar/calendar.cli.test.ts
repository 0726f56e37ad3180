/**
 * `motcua calendar …` as a user runs it: a child process of bin/motcua.js, each with its own temporary
 * data dir. One boots its own embedded database (slow, a few seconds); the other finds a server lock
 * and must ask that server instead of opening the database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { REPO_ROOT } from '../../shared/paths.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'apps', 'api', 'bin', 'motcua.js');

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-calendar-'));
  dirs.push(d);
  return d;
}

/** The child must use its own embedded store, never the test PostgreSQL of DATABASE_URL. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'America/Los_Angeles', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.MOTCUA_DATA_DIR;
  return env;
}

const motcua = (args: string[]) => run(process.execPath, [BIN, ...args], { env: childEnv(), cwd: REPO_ROOT, timeout: 90_000 });

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('motcua calendar (own embedded database)', () => {
  it('prints exactly the due time and a newline', async () => {
    const dataDir = tempDir();
    const { stdout } = await motcua([
      'calendar',
      'due',
      '--received',
      '2026-02-13T10:00:00+07:00',
      '--days',
      '3',
      '--data-dir',
      dataDir,
    ]);
    expect(stdout).toBe('2026-02-25T17:00:00+07:00\n');
    const count = await motcua(['calendar', 'working-days', '--from', '2026-01-01', '--to', '2026-01-31', '--data-dir', dataDir]);
    expect(count.stdout).toBe('21\n');
  });

  it('refuses a time without an offset, with a Vietnamese message and exit code 1', async () => {
    const err = await motcua([
      'calendar',
      'due',
      '--received',
      '2026-02-13T10:00:00',
      '--days',
      '3',
      '--data-dir',
      tempDir(),
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain('phải là thời điểm ISO 8601 có múi giờ');
  });
});

describe('motcua calendar (a server holds the database)', () => {
  let sys: TestSystem;
  let dataDir: string;
  beforeAll(async () => {
    sys = await createTestSystem();
    await sys.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (sys.app.server.address() as { port: number }).port;
    dataDir = tempDir();
    // The lock a running `motcua serve` writes: this test process plays the server.
    fs.writeFileSync(path.join(dataDir, 'server.lock'), JSON.stringify({ pid: process.pid, port }));
  });
  afterAll(async () => sys?.close());

  it('asks the server, so it sees the server’s edits', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    const res = await sys.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-02-25',
      headers: admin.headers,
      payload: { kind: 'day_off', occasion: 'Nghỉ đột xuất' },
    });
    expect(res.statusCode).toBe(200);
    const { stdout } = await motcua([
      'calendar',
      'due',
      '--received',
      '2026-02-13T10:00:00+07:00',
      '--days',
      '3',
      '--data-dir',
      dataDir,
    ]);
    expect(stdout).toBe('2026-02-26T17:00:00+07:00\n');
    // It did not open an embedded database of its own in that data dir.
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
    const count = await motcua(['calendar', 'working-days', '--from', '2026-02-01', '--to', '2026-02-28', '--data-dir', dataDir]);
    expect(count.stdout).toBe('14\n');
  });
});
