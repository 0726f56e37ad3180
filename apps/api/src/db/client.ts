/**
 * The store of record: PostgreSQL through Kysely, either a server (DATABASE_URL) or embedded PGlite
 * persisted under the data dir. Both get the same type parsers and the Asia/Ho_Chi_Minh session time
 * zone, so `::date` and `current_date` mean the business date in Việt Nam whatever the host TZ.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import { preparePooledQueries } from './prepared.ts';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './types.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export const BUSINESS_TZ = 'Asia/Ho_Chi_Minh';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script (migrations). */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

// DATE stays 'YYYY-MM-DD' (a JS Date would shift it by the host TZ); int8 counts become numbers.
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);
const parseNumeric = (v: string) => Number(v);

let pgTypesSet = false;
function setPgTypes(): void {
  if (pgTypesSet) return;
  pg.types.setTypeParser(1082, parseDate);
  pg.types.setTypeParser(20, parseInt8);
  pg.types.setTypeParser(1700, parseNumeric);
  pgTypesSet = true;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory for the embedded database; `undefined` means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPGlite(opts.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  setPgTypes();
  const pool = new pg.Pool({ connectionString: url, max, options: `-c TimeZone=${BUSINESS_TZ}` });
  // An idle client whose server connection drops (restart, admin termination) emits 'error' on the
  // pool; unhandled, that would crash the process. The pool discards the client and queries in flight
  // get their own errors, so there is nothing more to do here.
  pool.on('error', () => undefined);
  preparePooledQueries(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return {
    db,
    kind: 'postgres',
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir, {
    extensions: { unaccent, pg_trgm },
    parsers: { 1082: parseDate, 20: parseInt8, 1700: parseNumeric },
  });
  await pglite.exec(`SET TIME ZONE '${BUSINESS_TZ}'`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async execScript(script) {
      // Through Kysely's connection so it waits its turn behind the mutex.
      await db.connection().execute(async (c) => {
        void c;
        await pglite.exec(script);
      });
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
