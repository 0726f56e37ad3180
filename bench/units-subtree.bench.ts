/**
 * Subtree of a province by materialised path (what units.repo does) against the textbook recursive CTE
 * (the baseline), on the real unit tree, embedded database (or a fresh database on the DATABASE_URL server).
 */
import { sql } from 'kysely';
import { openDatabase } from '../apps/api/src/db/client.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import { loadReferenceData } from '../apps/api/src/system.ts';
import { createBenchDatabase } from './bench-db.ts';
import { measure, report } from './measure.ts';

export async function subtreeBench(): Promise<void> {
  // With DATABASE_URL (a server, as for the other benchmarks), a throw-away database on it.
  const onServer = process.env.DATABASE_URL ? await createBenchDatabase('units') : undefined;
  const database = onServer?.database ?? (await openDatabase({}));
  try {
    if (!onServer) {
      await migrate(database);
      await loadReferenceData(database);
    }
    const db = database.db;
    const root = await db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('code', '=', '91')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const byPath = () => db.selectFrom('units').select('id').where('path', 'like', `${root.path}%`).execute();
    const byCte = () =>
      sql`WITH RECURSIVE t AS (SELECT id FROM units WHERE id = ${root.id} UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t`.execute(
        db,
      );
    const n = (await byPath()).length;
    if (n !== (await byCte()).rows.length) throw new Error('the two queries disagree');
    console.log(`database: ${database.kind}; subtree of province 91: ${n} units`);
    const base = report('baseline: recursive CTE', await measure(byCte, 200));
    const ours = report('materialised path (LIKE prefix)', await measure(byPath, 200));
    console.log(`ratio path / CTE: ${(ours.median / base.median).toFixed(2)} (lower is better)`);
  } finally {
    await (onServer ? onServer.close() : database.close());
  }
}
