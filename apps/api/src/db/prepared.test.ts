/** Repeated statements become named prepared statements on PostgreSQL (PGlite has no pool: not used). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../test/system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
});
afterAll(async () => sys?.close());

describe.runIf(process.env.DATABASE_URL)('prepared statements', () => {
  it('prepares a parameterised text on its second use on a connection, and answers the same', async () => {
    const marker = `prep-${process.pid}-${Date.now()}`;
    const prepared = await sys.database.db.transaction().execute(async (trx) => {
      const answers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await sql<{ v: string }>`SELECT ${marker}::text || ${String(i)}::text AS v`.execute(trx);
        answers.push(r.rows[0]!.v);
      }
      expect(answers).toEqual([`${marker}0`, `${marker}1`, `${marker}2`]);
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements
        WHERE name LIKE 'm\\_%' AND statement = 'SELECT $1::text || $2::text AS v'`.execute(trx);
      return r.rows[0]!.n;
    });
    expect(prepared).toBe(1);
  });
});
