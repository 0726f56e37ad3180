/**
 * A throw-away database on the PostgreSQL server for one benchmark run: created fresh (named after
 * the process id), migrated, loaded with the reference data, dropped at the end unless --keep.
 * The server is postgres://postgres@127.0.0.1:5432 unless DATABASE_URL says otherwise.
 */
import os from 'node:os';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/api/src/db/client.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import { loadReferenceData } from '../apps/api/src/system.ts';
import { flag } from './args.ts';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  /** Connection string of the bench database itself. */
  url: string;
  database: Database;
  /** Closes the pool and drops the database (kept with --keep). */
  close(): Promise<void>;
}

export function serverUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SERVER_URL;
}

export function urlOf(name: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The 1-, 5- and 15-minute load averages: the machine is shared, so every run says how busy it was. */
export const loadAverage = () =>
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

/** The machine, PostgreSQL version and the settings that matter for the figures, for the report. */
export async function machineFacts(): Promise<string> {
  const cpu = os.cpus();
  return `${await serverFacts()}; node ${process.version}; ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${loadAverage()}`;
}

/** PostgreSQL version and the settings that matter for the figures, for the report. */
export async function serverFacts(): Promise<string> {
  return admin(async (c) => {
    const v = await c.query<{ server_version: string }>('SHOW server_version');
    const s = await c.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'synchronous_commit') ORDER BY name`,
    );
    const settings = s.rows.map((r) => `${r.name}=${r.setting}${r.unit ?? ''}`).join(' ');
    return `PostgreSQL ${v.rows[0]!.server_version} (${settings})`;
  });
}

/** Databases of this run not yet dropped, so Ctrl-C does not leave gigabytes behind. */
const live = new Set<string>();
let handlerInstalled = false;

function dropOnSignal(): void {
  if (handlerInstalled) return;
  handlerInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    // Connections cut by the DROP … WITH (FORCE) below report errors; they are expected now.
    process.on('uncaughtException', () => undefined);
    const names = flag('keep') ? [] : [...live];
    console.log(`\n${signal}: ${names.length ? `dropping ${names.join(', ')}` : 'stopping'}`);
    void admin(async (c) => {
      for (const n of names) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    }).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** Creates, migrates and loads a fresh database `motcua_bench_<pid>_<tag>`. */
export async function createBenchDatabase(tag: string, poolSize = 10): Promise<BenchDatabase> {
  const name = `motcua_bench_${process.pid}_${tag}`;
  dropOnSignal();
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  live.add(name);
  const url = urlOf(name);
  const database = await openDatabase({ databaseUrl: url, poolSize });
  await migrate(database);
  await loadReferenceData(database);
  const keep = flag('keep');
  return {
    name,
    url,
    database,
    async close() {
      await database.close();
      if (keep) {
        live.delete(name);
        console.log(`database kept (--keep): ${name}`);
        return;
      }
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      live.delete(name);
    },
  };
}
