/** SQL for the indicators; every function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import type { KpiRow, UnitKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { KPI_COUNTERS, monthDeltas, periodParts, type DayDelta } from './kpi.contributions.ts';
import type { Figures } from './kpi.points.ts';
import type { KpiTargetsTable } from './kpi.tables.ts';

/** The live counters, or the scratch table a rebuild fills before comparing. */
export type CounterTable = 'kpi_daily' | 'kpi_rebuild';

const UPSERT_CHUNK = 1_000;
const COLS = sql.join(KPI_COUNTERS.map((c) => sql.ref(c)));
const addSet = (table: string) =>
  sql.join(KPI_COUNTERS.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + EXCLUDED.${sql.ref(c)}`));
const valuesOf = (deltas: DayDelta[]) =>
  sql.join(
    deltas.map(
      (d) => sql`(${d.unitId}::bigint, ${d.day}::date, ${sql.join(KPI_COUNTERS.map((c) => sql`${d.counts[c]}::integer`))})`,
    ),
  );

/**
 * Adds the deltas to the day rows and, in the same statement, to the month rows: INSERT … ON
 * CONFLICT DO UPDATE SET x = x + EXCLUDED.x, so concurrent changes never lose an increment. A
 * dossier change is one statement; only a rebuild (scratch table, days only) needs several.
 */
export async function addDeltas(db: Db, deltas: DayDelta[], table: CounterTable = 'kpi_daily'): Promise<void> {
  for (let i = 0; i < deltas.length; i += UPSERT_CHUNK) {
    const chunk = deltas.slice(i, i + UPSERT_CHUNK);
    const days = sql`INSERT INTO ${sql.table(table)} (unit_id, day, ${COLS}) VALUES ${valuesOf(chunk)}
      ON CONFLICT (unit_id, day) DO UPDATE SET ${addSet(table)}`;
    const months = table === 'kpi_daily' ? monthDeltas(chunk) : [];
    if (months.length === 0) {
      await days.execute(db);
      continue;
    }
    await sql`WITH days AS (${days} RETURNING 1)
      INSERT INTO kpi_monthly (unit_id, month, ${COLS}) VALUES ${valuesOf(months)}
      ON CONFLICT (unit_id, month) DO UPDATE SET ${addSet('kpi_monthly')}`.execute(db);
  }
}

export interface UnitFigures extends Figures {
  unit_id: number;
  code: string;
  name: string;
  kind: UnitKind;
  subtype: string;
  path: string;
}

const FLOW = KPI_COUNTERS.filter((c) => c !== 'due' && c !== 'due_closed');
const flowCols = sql.join(FLOW.map((c) => sql.ref(c)));
const zeroFlow = sql.join(FLOW.map(() => sql`0`));

/**
 * Period figures per handling unit of a subtree: flow counters summed over [from, to] (whole months
 * from kpi_monthly, the edges from kpi_daily), and the overdue stock at the end of `to` as the
 * cumulative due − due_closed (months before the month of `to`, then its days up to `to`). The
 * subtree is read from `units` by materialised path, read-only: joining it here keeps the report one
 * query on the indexes (the units module owns that table; nothing here writes to it).
 */
export async function figuresByUnit(db: Db, subtreePath: string, from: string, to: string): Promise<UnitFigures[]> {
  const p = periodParts(from, to);
  const inScope = sql`unit_id IN (SELECT id FROM scope)`;
  const flows = [
    ...(p.months
      ? [
          sql`SELECT unit_id, ${flowCols}, 0 AS open FROM kpi_monthly WHERE ${inScope} AND month BETWEEN ${p.months[0]}::date AND ${p.months[1]}::date`,
        ]
      : []),
    ...p.days.map(
      (d) =>
        sql`SELECT unit_id, ${flowCols}, 0 AS open FROM kpi_daily WHERE ${inScope} AND day BETWEEN ${d[0]}::date AND ${d[1]}::date`,
    ),
    sql`SELECT unit_id, ${zeroFlow}, due - due_closed FROM kpi_monthly WHERE ${inScope} AND month < ${p.stockMonth}::date`,
    sql`SELECT unit_id, ${zeroFlow}, due - due_closed FROM kpi_daily WHERE ${inScope} AND day BETWEEN ${p.stockMonth}::date AND ${to}::date`,
  ];
  const sums = sql.join(FLOW.map((c) => sql`sum(x.${sql.ref(c)})::bigint AS ${sql.ref(c)}`));
  const rows = await sql<Record<string, unknown>>`
    WITH scope AS (SELECT id, code, name, kind, subtype, path FROM units WHERE path LIKE ${`${subtreePath}%`})
    SELECT s.id AS unit_id, s.code, s.name, s.kind, s.subtype, s.path, ${sums}, sum(x.open)::bigint AS overdue_unfinished
    FROM (${sql.join(flows, sql` UNION ALL `)}) x JOIN scope s ON s.id = x.unit_id
    GROUP BY s.id, s.code, s.name, s.kind, s.subtype, s.path`.execute(db);
  return rows.rows.map((r) => ({
    unit_id: Number(r.unit_id),
    code: String(r.code),
    name: String(r.name),
    kind: r.kind as UnitKind,
    subtype: String(r.subtype),
    path: String(r.path),
    received: Number(r.received),
    received_online: Number(r.received_online),
    digitized: Number(r.digitized),
    reused: Number(r.reused),
    fee_total: Number(r.fee_total),
    fee_online: Number(r.fee_online),
    finished: Number(r.finished),
    finished_on_time: Number(r.finished_on_time),
    result_digitized: Number(r.result_digitized),
    satisfied: Number(r.satisfied),
    overdue_unfinished: Number(r.overdue_unfinished),
  }));
}

/** The points model rows in force on `day`, in display order. */
export async function pointModelOn(db: Db, day: string) {
  return db
    .selectFrom('kpi_point_model')
    .selectAll()
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .orderBy('position')
    .execute();
}

export type TargetRowDb = Selectable<KpiTargetsTable>;

export async function targetsOfYear(db: Db, year: number): Promise<TargetRowDb[]> {
  return db.selectFrom('kpi_targets').selectAll().where('year', '=', year).execute();
}

/** Targets with the unit code (read from units, for display only). */
export async function listTargets(db: Db, year: number | undefined) {
  let q = db
    .selectFrom('kpi_targets as t')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.year', 't.scope', 't.level', 't.indicator', 't.target', 't.source', 'u.code as unit_code']);
  if (year !== undefined) q = q.where('t.year', '=', year);
  return q.orderBy('t.year').orderBy('t.scope').orderBy('u.code').orderBy('t.level').orderBy('t.indicator').execute();
}

export async function countTargets(db: Db): Promise<number> {
  const r = await db
    .selectFrom('kpi_targets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface TargetInsert {
  year: number;
  scope: 'unit' | 'level';
  unit_id: number | null;
  level: KpiTargetsTable['level'];
  indicator: KpiTargetsTable['indicator'];
  target: number;
  source: string;
}

/** Inserts or replaces targets by (year, indicator, unit, level). */
export async function upsertTargets(db: Db, items: TargetInsert[]): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insertInto('kpi_targets')
      .values(items.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['year', 'indicator', 'unit_id', 'level']).doUpdateSet((eb) => ({
          target: eb.ref('excluded.target'),
          source: eb.ref('excluded.source'),
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

export async function findSnapshot(db: Db, month: string) {
  return db.selectFrom('kpi_snapshots').selectAll().where('month', '=', month).executeTakeFirst();
}

export async function listSnapshots(db: Db) {
  return db.selectFrom('kpi_snapshots').selectAll().orderBy('month', 'desc').execute();
}

/** Writes a snapshot and its rows; false when the month was published already (by anyone, even concurrently). */
export async function insertSnapshot(
  db: Db,
  s: { month: string; from: string; to: string; scopeUnitId: number; publishedBy: number | null },
  rows: { unitId: number | null; row: KpiRow }[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('kpi_snapshots')
    .values({ month: s.month, period_from: s.from, period_to: s.to, scope_unit_id: s.scopeUnitId, published_by: s.publishedBy })
    .onConflict((oc) => oc.column('month').doNothing())
    .returning('month')
    .executeTakeFirst();
  if (!inserted) return false;
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('kpi_snapshot_rows')
      .values(
        rows.slice(i, i + 200).map((r, j) => ({
          month: s.month,
          position: i + j,
          unit_id: r.unitId,
          unit_code: r.row.unit_code,
          row: JSON.stringify(r.row),
        })),
      )
      .execute();
  }
  return true;
}

export async function snapshotRows(db: Db, month: string): Promise<KpiRow[]> {
  const rows = await db.selectFrom('kpi_snapshot_rows').select('row').where('month', '=', month).orderBy('position').execute();
  return rows.map((r) => r.row);
}

/**
 * Audit row for changes made by the installation itself (shipped or CLI-imported targets):
 * shared/audit.ts records a missing actor as "anonymous", which would misdescribe the operator.
 */
export async function recordSystemAudit(db: Db, action: string, details: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: 'system',
      actor_id: null,
      action,
      target: 'kpi_targets',
      unit_id: null,
      request_id: null,
      details: JSON.stringify(details),
    })
    .execute();
}

/**
 * Takes the counters for a rebuild: dossier changes wait (their upsert needs ROW EXCLUSIVE), readers
 * do not. Same order as a change's statement (days, then months).
 */
export async function lockCounters(db: Db): Promise<void> {
  await sql`LOCK TABLE kpi_daily, kpi_monthly IN EXCLUSIVE MODE`.execute(db);
}

/** A scratch copy of kpi_daily's shape, dropped at commit. */
export async function createRebuildTable(db: Db): Promise<void> {
  await sql`DROP TABLE IF EXISTS pg_temp.kpi_rebuild`.execute(db);
  await sql`CREATE TEMP TABLE kpi_rebuild (LIKE kpi_daily INCLUDING DEFAULTS, PRIMARY KEY (unit_id, day)) ON COMMIT DROP`.execute(
    db,
  );
}

export interface CounterDifference {
  table: 'kpi_daily' | 'kpi_monthly';
  unitId: number;
  /** The day, or the first day of the month for kpi_monthly. */
  day: string;
  counter: string;
  live: number;
  rebuilt: number;
}

const nonZero = (t: string) =>
  sql.join(
    KPI_COUNTERS.map((c) => sql`${sql.ref(`${t}.${c}`)} <> 0`),
    sql` OR `,
  );

/** The rebuilt day rows rolled up per month (first day of the month, no time zone involved). */
const rebuiltMonths = sql`(SELECT unit_id, day - (extract(day FROM day)::integer - 1) AS month,
  ${sql.join(KPI_COUNTERS.map((c) => sql`sum(${sql.ref(c)})::integer AS ${sql.ref(c)}`))}
  FROM kpi_rebuild GROUP BY 1, 2)`;

async function diffTable(
  db: Db,
  table: CounterDifference['table'],
  limit: number,
): Promise<{ rows: number; differences: CounterDifference[] }> {
  const key = table === 'kpi_daily' ? 'day' : 'month';
  const rebuilt = table === 'kpi_daily' ? sql`kpi_rebuild` : rebuiltMonths;
  const pairs = KPI_COUNTERS.map(
    (c) => [sql`coalesce(${sql.ref(`l.${c}`)}, 0)`, sql`coalesce(${sql.ref(`r.${c}`)}, 0)`] as const,
  );
  const differs = sql`(${sql.join(pairs.map((p) => p[0]))}) IS DISTINCT FROM (${sql.join(pairs.map((p) => p[1]))})`;
  const from = sql`${sql.table(table)} l FULL JOIN ${rebuilt} r ON l.unit_id = r.unit_id AND ${sql.ref(`l.${key}`)} = ${sql.ref(`r.${key}`)}`;
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${differs}`.execute(db);
  const cols = sql.join(
    KPI_COUNTERS.flatMap((c, i) => [
      sql`${pairs[i]![0]} AS ${sql.ref(`live_${c}`)}`,
      sql`${pairs[i]![1]} AS ${sql.ref(`rebuilt_${c}`)}`,
    ]),
  );
  const rows = await sql<Record<string, number | string>>`
    SELECT coalesce(l.unit_id, r.unit_id) AS unit_id, coalesce(${sql.ref(`l.${key}`)}, ${sql.ref(`r.${key}`)}) AS day, ${cols}
    FROM ${from} WHERE ${differs} ORDER BY 1, 2 LIMIT ${limit}`.execute(db);
  const differences: CounterDifference[] = [];
  for (const r of rows.rows) {
    for (const c of KPI_COUNTERS) {
      const live = Number(r[`live_${c}`]);
      const rebuilt = Number(r[`rebuilt_${c}`]);
      if (live !== rebuilt) differences.push({ table, unitId: Number(r.unit_id), day: String(r.day), counter: c, live, rebuilt });
    }
  }
  return { rows: Number(count.rows[0]!.n), differences };
}

/**
 * Rows where the live counters (days and months) and the rebuilt ones differ (a missing row counts
 * as zeros), listed up to `limit` rows per table, plus how many rows differ in all.
 */
export async function diffRebuild(db: Db, limit: number): Promise<{ rows: number; differences: CounterDifference[] }> {
  const days = await diffTable(db, 'kpi_daily', limit);
  const months = await diffTable(db, 'kpi_monthly', limit);
  return { rows: days.rows + months.rows, differences: [...days.differences, ...months.differences] };
}

/** Replaces the live day and month counters with the rebuilt ones (all-zero rows are left out). */
export async function replaceFromRebuild(db: Db): Promise<void> {
  await sql`DELETE FROM kpi_daily`.execute(db);
  await sql`DELETE FROM kpi_monthly`.execute(db);
  await sql`INSERT INTO kpi_daily (unit_id, day, ${COLS}) SELECT unit_id, day, ${COLS} FROM kpi_rebuild r WHERE ${nonZero('r')}`.execute(
    db,
  );
  await sql`INSERT INTO kpi_monthly (unit_id, month, ${COLS}) SELECT unit_id, month, ${COLS} FROM ${rebuiltMonths} r WHERE ${nonZero('r')}`.execute(
    db,
  );
}

/** Corrections that turn the live counters into the rebuilt ones: rebuilt − live, per differing row. */
export interface Corrections {
  days: DayDelta[];
  /** `day` is the first day of the month. */
  months: DayDelta[];
}

async function correctionsOf(db: Db, table: CounterDifference['table']): Promise<DayDelta[]> {
  const key = table === 'kpi_daily' ? 'day' : 'month';
  const rebuilt = table === 'kpi_daily' ? sql`kpi_rebuild` : rebuiltMonths;
  const deltas = KPI_COUNTERS.map((c) => sql`coalesce(${sql.ref(`r.${c}`)}, 0) - coalesce(${sql.ref(`l.${c}`)}, 0) AS ${sql.ref(c)}`);
  const differs = sql.join(
    KPI_COUNTERS.map((c) => sql`coalesce(${sql.ref(`r.${c}`)}, 0) <> coalesce(${sql.ref(`l.${c}`)}, 0)`),
    sql` OR `,
  );
  const rows = await sql<Record<string, number | string>>`
    SELECT coalesce(l.unit_id, r.unit_id) AS unit_id, coalesce(${sql.ref(`l.${key}`)}, ${sql.ref(`r.${key}`)})::text AS day, ${sql.join(deltas)}
    FROM ${sql.table(table)} l FULL JOIN ${rebuilt} r ON l.unit_id = r.unit_id AND ${sql.ref(`l.${key}`)} = ${sql.ref(`r.${key}`)}
    WHERE ${differs}`.execute(db);
  return rows.rows.map((r) => ({
    unitId: Number(r.unit_id),
    day: String(r.day),
    counts: Object.fromEntries(KPI_COUNTERS.map((c) => [c, Number(r[c])])) as DayDelta['counts'],
  }));
}

/** What `applyCorrections` must add to the live tables (both of them: months are checked on their own). */
export async function correctionsFromRebuild(db: Db): Promise<Corrections> {
  return { days: await correctionsOf(db, 'kpi_daily'), months: await correctionsOf(db, 'kpi_monthly') };
}

/**
 * Adds corrections to the live counters with the same increment-only upsert as a dossier change, so
 * changes committed since the recount's snapshot are kept (live = snapshot + later changes; adding
 * rebuilt − snapshot leaves rebuilt + later changes).
 */
export async function applyCorrections(db: Db, c: Corrections): Promise<void> {
  for (const [table, key, rows] of [
    ['kpi_daily', 'day', c.days],
    ['kpi_monthly', 'month', c.months],
  ] as const) {
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      const chunk = rows.slice(i, i + UPSERT_CHUNK);
      await sql`INSERT INTO ${sql.table(table)} (unit_id, ${sql.ref(key)}, ${COLS}) VALUES ${valuesOf(chunk)}
        ON CONFLICT (unit_id, ${sql.ref(key)}) DO UPDATE SET ${addSet(table)}`.execute(db);
    }
  }
}
