/**
 * A fresh, fully migrated system per test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server of DATABASE_URL (dropped afterwards), so files never see each other's data.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '@motcua/contracts';
import { loadConfig, type Config } from '../src/env.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp, type App } from '../src/app.ts';
import { createLogger } from '../src/shared/logger.ts';
import { loadReferenceData } from '../src/system.ts';
import { createStaff } from '../src/modules/staff/staff.service.ts';
import { startSession, type VerifiedIdentity } from '../src/modules/citizens/citizens.service.ts';

export interface TestSystem {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** A new, empty database on the server of `baseUrl`, with a function that drops it. */
export async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `motcua_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestSystem(overrides: Partial<Config> = {}): Promise<TestSystem> {
  const baseUrl = process.env.DATABASE_URL;
  const pgDb = baseUrl ? await createPgDatabase(baseUrl) : undefined;
  const config: Config = {
    ...loadConfig({ dataDir: path.join(os.tmpdir(), `motcua-test-${process.pid}`) }, { NODE_ENV: 'test' }),
    databaseUrl: pgDb?.url,
    ...overrides,
  };
  const database = await openDatabase({ databaseUrl: pgDb?.url, poolSize: 4 });
  await migrate(database);
  await loadReferenceData(database);
  const app = await buildApp({ db: database.db, config, log: createLogger('silent'), dbKind: database.kind });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      await pgDb?.drop();
    },
  };
}

let counter = 0;

/** Creates a staff member with a known password and logs in; returns the bearer header. */
export async function staffSession(sys: TestSystem, unitCode: string, roles: Role[]) {
  const username = `t${++counter}.${roles[0]!.replace(/_/g, '')}`.slice(0, 60);
  const password = `mat-khau-${crypto.randomBytes(6).toString('hex')}`;
  await createStaff(sys.database.db, null, { username, fullName: 'Cán bộ Kiểm thử', unitCode, roles, password }, true);
  const res = await sys.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const token = (res.json() as { token: string }).token;
  return { username, password, token, headers: { authorization: `Bearer ${token}` } };
}

/**
 * A citizen session without going through VNeID (the OIDC login has its own tests); returns the
 * bearer header. Identity defaults to a valid-looking An Giang CCCD.
 */
export async function citizenSession(sys: TestSystem, identity: Partial<VerifiedIdentity> = {}) {
  const id: VerifiedIdentity = {
    idNumber: identity.idNumber ?? `0891${String(900000 + ++counter).padStart(8, '0')}`,
    fullName: identity.fullName ?? 'Nguyễn Thị Thu Hà',
    birthDate: identity.birthDate ?? '1990-05-17',
    level: identity.level ?? 2,
  };
  // Long-lived: tests move the business clock (which PGlite's now() follows) across months.
  const s = await startSession(sys.database.db, id, { ttlHours: 24 * 800 });
  return { identity: id, token: s.token, citizenId: s.citizen.citizenId, headers: { authorization: `Bearer ${s.token}` } };
}
