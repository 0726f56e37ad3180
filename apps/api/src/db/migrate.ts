/**
 * Plain SQL migrations (`migrations/*.sql`, applied in name order, each once, each in its own
 * transaction). Names start with a timestamp so modules can add files without colliding.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './client.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await database.execScript(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  const done = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(database.db)).rows.map((r) => r.name),
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const body = fs.readFileSync(path.join(dir, file), 'utf8');
    const name = file.replace(/'/g, "''");
    try {
      await database.execScript(`BEGIN;\n${body}\n;INSERT INTO schema_migrations(name) VALUES ('${name}');\nCOMMIT;`);
    } catch (e) {
      await database.execScript('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${file} failed: ${(e as Error).message}`, { cause: e });
    }
    applied.push(file);
  }
  return applied;
}
