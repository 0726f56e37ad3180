/**
 * Loads millions of historic dossiers set-based (INSERT … SELECT from generate_series), never through
 * the API: every column is a pure function of the row number g and the unit/procedure lists, through
 * hashint8extended(g, k), so a run with the same N gives the same table on any PostgreSQL ≥ 11.
 *
 * The shape follows the demo history (apps/api/src/demo): two years of receipts on working days
 * during office hours, the online share rising from about a fifth to about two thirds, digitisation,
 * reuse and online payment rising, 86/11/3 % of dossiers with 0/1/2 supplement requests (each wait
 * moving the promised date), 12 % → 4 % finished late, a few never finished, a few withdrawn, fees
 * paid both ways, ratings and complaints. Handling units: the 102 communes of the province (commune
 * procedures, 85 % of dossiers) and its 18 agencies (provincial procedures, 15 %).
 *
 * The aggregates are then filled by one set-based statement applying the contribution rules of
 * docs/indicators.md §2.1 (kpi.contributions.ts), checked afterwards by the module's own rebuild.
 */
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client.ts';

/** First receipt day and the number of days: 2024-11-01 … 2026-10-31. */
export const HISTORY_FROM = '2024-11-01';
export const HISTORY_DAYS = 730;
/** "Now" for the history: what would finish after this instant is still open. */
export const HISTORY_AS_OF = '2026-11-01T00:00:00+07:00';

/** Relative volume per commune procedure (the commonest ones of the demo); others weigh 1. */
const VOLUME: Record<string, number> = {
  '2.000815': 14,
  '1.001193': 8,
  '2.000884': 5,
  '1.004222': 5,
  '1.004194': 4,
  '1.000894': 3,
  '1.004873': 3,
  '1.000656': 2,
  '1.001612': 2,
};

interface ProcedureSet {
  codes: string[];
  days: number[];
  feeCounter: number[];
  feeOnline: number[];
  /** Indexes (1-based) repeated by weight: a uniform pick in it is a weighted pick of a procedure. */
  pick: number[];
}

export interface LoadPlan {
  communes: number[];
  agencies: number[];
  commune: ProcedureSet;
  agency: ProcedureSet;
}

/** Units and procedures of the province from the reference data, in a stable order. */
export async function loadPlan(db: Db, provinceCode: string): Promise<LoadPlan> {
  const province = await db
    .selectFrom('units')
    .select(['path'])
    .where('code', '=', provinceCode)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  const units = await db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('path', 'like', `${province.path}%`)
    .where('valid_to', 'is', null)
    .where('kind', 'in', ['commune', 'agency'])
    .orderBy('code')
    .execute();
  const procs = await db
    .selectFrom('procedures')
    .select(['code', 'level', 'processing_working_days', 'processing_hours', 'fees'])
    .orderBy('code')
    .execute();
  const set = (level: string): ProcedureSet => {
    const s: ProcedureSet = { codes: [], days: [], feeCounter: [], feeOnline: [], pick: [] };
    for (const p of procs.filter((x) => x.level === level)) {
      const amounts = (p.fees as { amountVnd: number }[]).map((f) => f.amountVnd);
      s.codes.push(p.code);
      // Hour-limited procedures ("8 hours") are promised by the next working day; an unspecified
      // time gets 5 working days.
      s.days.push(p.processing_working_days ?? (p.processing_hours !== null ? 1 : 5));
      s.feeCounter.push(amounts.length ? Math.max(...amounts) : 0);
      s.feeOnline.push(amounts.length ? Math.min(...amounts) : 0);
      for (let k = 0; k < (VOLUME[p.code] ?? 1); k++) s.pick.push(s.codes.length);
    }
    if (!s.codes.length) throw new Error(`no ${level} procedures in the catalogue`);
    return s;
  };
  const plan = {
    communes: units.filter((u) => u.kind === 'commune').map((u) => Number(u.id)),
    agencies: units.filter((u) => u.kind === 'agency').map((u) => Number(u.id)),
    commune: set('commune'),
    agency: set('province'),
  };
  if (!plan.communes.length || !plan.agencies.length) throw new Error(`province ${provinceCode}: no communes or agencies`);
  return plan;
}

/** A uniform number in [0, 1) from row g and salt k. */
const u = (k: number) => sql.raw(`((hashint8extended(g, ${k}) & 4294967295)::float8 / 4294967296.0)`);
/** a + (b − a)·t: shares that move over the two years. */
const lerp = (a: number, b: number) => sql.raw(`(${a} + (${b - a}) * t)`);
const TZ = sql.lit('Asia/Ho_Chi_Minh');

/** The statement inserting dossiers g = lo … hi. */
export function insertDossiersQuery(plan: LoadPlan, lo: number, hi: number, total: number) {
  const c = plan.commune;
  const a = plan.agency;
  return sql`
    WITH p AS (
      SELECT ${plan.communes}::bigint[] AS communes, ${plan.agencies}::bigint[] AS agencies,
             ${c.codes}::text[] AS c_codes, ${c.days}::int[] AS c_days, ${c.feeCounter}::bigint[] AS c_fee, ${c.feeOnline}::bigint[] AS c_fee_on, ${c.pick}::int[] AS c_pick,
             ${a.codes}::text[] AS a_codes, ${a.days}::int[] AS a_days, ${a.feeCounter}::bigint[] AS a_fee, ${a.feeOnline}::bigint[] AS a_fee_on, ${a.pick}::int[] AS a_pick
    ),
    r AS (
      SELECT g, ${u(1)} AS u1, ${u(2)} AS u2, ${u(3)} AS u3, ${u(4)} AS u4, ${u(5)} AS u5, ${u(6)} AS u6, ${u(7)} AS u7,
             ${u(8)} AS u8, ${u(9)} AS u9, ${u(10)} AS u10, ${u(11)} AS u11, ${u(12)} AS u12, ${u(13)} AS u13, ${u(14)} AS u14,
             ${u(15)} AS u15, ${u(16)} AS u16, ${u(17)} AS u17, ${u(18)} AS u18, ${u(19)} AS u19, ${u(20)} AS u20, ${u(21)} AS u21,
             ${u(22)} AS u22, ${u(23)} AS u23, ${u(24)} AS u24
      FROM generate_series(${lo}::bigint, ${hi}::bigint) AS g
      OFFSET 0
    ),
    -- The receipt day grows with g, as in a real table filled in time order (Saturday → Friday,
    -- Sunday → Monday); the unit, the procedure.
    d AS (
      SELECT r.*, day, (day - ${HISTORY_FROM}::date)::float8 / ${HISTORY_DAYS - 1} AS t, agency,
             CASE WHEN agency THEN p.agencies[1 + floor(u4 * cardinality(p.agencies))::int] ELSE p.communes[1 + floor(u4 * cardinality(p.communes))::int] END AS unit_id,
             CASE WHEN agency THEN p.a_pick[1 + floor(u5 * cardinality(p.a_pick))::int] ELSE p.c_pick[1 + floor(u5 * cardinality(p.c_pick))::int] END AS proc
      FROM r CROSS JOIN p
      CROSS JOIN LATERAL (SELECT ${HISTORY_FROM}::date + floor((g - 1 + u1) * ${HISTORY_DAYS} / ${total}::float8)::int AS day0) d0
      CROSS JOIN LATERAL (SELECT day0 + CASE extract(isodow FROM day0) WHEN 6 THEN -1 WHEN 7 THEN 1 ELSE 0 END AS day, u3 >= 0.85 AS agency) d1
      OFFSET 0
    ),
    e AS (
      SELECT d.*,
             CASE WHEN agency THEN p.a_codes[proc] ELSE p.c_codes[proc] END AS procedure_code,
             CASE WHEN agency THEN p.a_days[proc] ELSE p.c_days[proc] END AS days,
             u6 < ${lerp(0.2, 0.68)} AS online,
             CASE WHEN u8 < 0.86 THEN 0 WHEN u8 < 0.97 THEN 1 ELSE 2 END AS supplements,
             floor(u2 * 600)::int AS minute,
             CASE WHEN agency THEN p.a_fee[proc] ELSE p.c_fee[proc] END AS fee_counter,
             CASE WHEN agency THEN p.a_fee_on[proc] ELSE p.c_fee_on[proc] END AS fee_online
      FROM d CROSS JOIN p
      OFFSET 0
    ),
    -- Receipt instant (07:30–17:30 Việt Nam time); after 17:00 the clock starts the next working
    -- day; each supplement waits 1–6 working days and moves the promised date; due at 17:00.
    f AS (
      SELECT e.*,
             ((day + time '07:30' + make_interval(secs => minute * 60 + floor(u24 * 60))) AT TIME ZONE ${TZ}) AS received_at,
             day + CASE WHEN minute > 570 THEN CASE extract(isodow FROM day) WHEN 5 THEN 3 ELSE 1 END ELSE 0 END AS counted,
             days + supplements * (1 + floor(u9 * 6))::int AS wd,
             u10 < ${lerp(0.12, 0.04)} AS late
      FROM e
      OFFSET 0
    ),
    h AS (
      SELECT f.*, ((due_day + time '17:00') AT TIME ZONE ${TZ}) AS due_at
      FROM f CROSS JOIN LATERAL (SELECT counted + wd + 2 * floor((extract(isodow FROM counted)::int - 1 + wd) / 5)::int AS due_day) x
      OFFSET 0
    ),
    -- On time: somewhere between receipt and the promised time; late: 1–8 days after, office hours.
    k AS (
      SELECT h.*,
             CASE WHEN late
               THEN (((due_at AT TIME ZONE ${TZ})::date + (1 + floor(u12 * 8))::int + time '08:00' + make_interval(secs => floor(u11 * 9 * 3600))) AT TIME ZONE ${TZ})
               ELSE received_at + (due_at - received_at) * u11
             END AS finish_at,
             u14 < 0.003 AS withdrawn
      FROM h
      OFFSET 0
    ),
    m AS (
      SELECT k.*, NOT withdrawn AND u13 >= 0.002 AND finish_at < ${HISTORY_AS_OF}::timestamptz AS finished
      FROM k
      OFFSET 0
    )
    INSERT INTO dossiers (code, procedure_code, handling_unit_id, receiving_unit_id, channel, status, submitted_at, received_at,
      due_at, original_due_at, finished_at, supplement_requests, fee_vnd, paid, digitized_dossier, digitized_result, reused_data,
      rating, complaint, imported, created_at, updated_at)
    SELECT
      'BENCH-' || lpad(g::text, 9, '0'),
      procedure_code, unit_id, unit_id,
      CASE WHEN online THEN 'online' WHEN u7 < 0.05 THEN 'post' ELSE 'counter' END,
      CASE WHEN withdrawn THEN 'withdrawn'
           WHEN finished THEN CASE WHEN u15 < 0.02 THEN 'refused' WHEN u15 < 0.05 THEN 'result_issued' ELSE 'returned' END
           WHEN supplements > 0 AND u15 < 0.5 THEN 'supplement_requested'
           ELSE 'in_progress' END,
      CASE WHEN online THEN received_at - make_interval(secs => floor(u24 * 72000)) ELSE received_at END,
      received_at, due_at, due_at - make_interval(days => supplements * (1 + floor(u9 * 6))::int),
      CASE WHEN finished THEN finish_at END,
      supplements,
      fee,
      CASE WHEN fee = 0 OR NOT (finished OR u17 < 0.8) THEN 'none'
           WHEN u16 < ${lerp(0.15, 0.55)} + CASE WHEN online THEN 0.2 ELSE 0 END THEN 'online' ELSE 'counter' END,
      online OR u18 < ${lerp(0.55, 0.95)},
      finished AND u19 < ${lerp(0.5, 0.92)},
      u20 < ${lerp(0.08, 0.5)},
      CASE WHEN finished AND u21 < ${lerp(0.3, 0.7)} THEN
        CASE WHEN u22 * CASE WHEN late THEN 126 ELSE 100 END < 88 THEN 'satisfied'
             WHEN u22 * CASE WHEN late THEN 126 ELSE 100 END < 96 THEN 'neutral'
             ELSE 'unsatisfied' END
      END,
      finished AND u23 < CASE WHEN late THEN 0.05 ELSE 0.004 END,
      true, received_at, coalesce(CASE WHEN finished THEN finish_at END, received_at)
    FROM m CROSS JOIN LATERAL (SELECT CASE WHEN online THEN fee_online ELSE fee_counter END AS fee) x`;
}

/**
 * Loads dossiers 1 … n in chunks, two statements at a time (the machine has two cores). Foreign-key
 * triggers are skipped for the load (session_replication_role = replica: every id comes from the
 * units and procedures just read) and the secondary indexes are built once at the end; the check
 * constraints still hold every row.
 */
export async function loadDossiers(db: Db, plan: LoadPlan, n: number, onProgress: (done: number) => void): Promise<void> {
  const indexes = await sql<{ name: string; def: string }>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'dossiers'::regclass AND NOT x.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`.execute(db);
  for (const ix of indexes.rows) await sql`DROP INDEX ${sql.id(ix.name)}`.execute(db);
  const chunk = 500_000;
  let next = 1;
  let done = 0;
  const worker = async () => {
    while (next <= n) {
      const lo = next;
      const hi = Math.min(n, lo + chunk - 1);
      next = hi + 1;
      await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        // JIT compilation costs seconds per chunk on a busy 2-core machine and saves little here.
        await sql`SET LOCAL jit = off`.execute(trx);
        await insertDossiersQuery(plan, lo, hi, n).execute(trx);
      });
      done += hi - lo + 1;
      onProgress(done);
    }
  };
  await Promise.all([worker(), worker()]);
  // One index per connection at a time, the two connections in parallel.
  const pending = [...indexes.rows];
  const builder = async () => {
    for (let ix = pending.shift(); ix; ix = pending.shift()) {
      const def = ix.def;
      await db.connection().execute(async (conn) => {
        await sql`SET maintenance_work_mem = '512MB'`.execute(conn);
        await sql.raw(def).execute(conn);
        await sql`RESET maintenance_work_mem`.execute(conn);
      });
    }
  };
  await Promise.all([builder(), builder()]);
  await sql`SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))`.execute(db);
  // Hint bits and the visibility map set once here, statistics fresh: no query below pays for them.
  await sql`VACUUM (ANALYZE) dossiers`.execute(db);
}

/** Statuses whose dossiers have no indicator facts (dossiers.facts.ts). */
export const WITHOUT_FACTS = sql`('draft', 'submitted', 'rejected_at_intake', 'withdrawn')`;

/**
 * kpi_daily and kpi_monthly from every dossier in one statement: each counted dossier adds 1 to
 * received…fee_online on its receipt day R, finished…satisfied on its finish day F, `due` on
 * max(R, D) and `due_closed` on max(R, D, F) — the table of docs/indicators.md §2.1.
 */
export async function fillAggregates(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // ~90,000 (unit, day) groups: let the hash aggregate stay in memory.
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    await fillAggregatesQuery().execute(trx);
  });
  await sql`ANALYZE kpi_daily`.execute(db);
  await sql`ANALYZE kpi_monthly`.execute(db);
}

function fillAggregatesQuery() {
  return sql`
    WITH f AS (
      SELECT handling_unit_id AS unit_id,
             (received_at AT TIME ZONE ${TZ})::date AS r,
             (due_at AT TIME ZONE ${TZ})::date AS d,
             (finished_at AT TIME ZONE ${TZ})::date AS fin,
             channel = 'online' AS online, digitized_dossier, reused_data,
             fee_vnd > 0 AND paid IN ('online', 'counter') AS fee_paid, fee_vnd > 0 AND paid = 'online' AS fee_online,
             finished_at IS NOT NULL AND finished_at <= due_at AND supplement_requests <= 1 AS on_time,
             digitized_result, rating IS DISTINCT FROM 'unsatisfied' AND NOT complaint AS pleased
      FROM dossiers
      WHERE status NOT IN ${WITHOUT_FACTS} AND received_at IS NOT NULL AND due_at IS NOT NULL
    ),
    c AS (
      SELECT f.unit_id, v.*
      FROM f CROSS JOIN LATERAL (VALUES
        (r, 1, online::int, digitized_dossier::int, reused_data::int, fee_paid::int, fee_online::int, 0, 0, 0, 0, 0, 0),
        (fin, 0, 0, 0, 0, 0, 0, 1, on_time::int, digitized_result::int, (on_time AND pleased)::int, 0, 0),
        (greatest(r, d), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
        (CASE WHEN fin IS NOT NULL THEN greatest(r, d, fin) END, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
      ) AS v(day, received, received_online, digitized, reused, fee_total, fee_online, finished, finished_on_time, result_digitized, satisfied, due, due_closed)
      WHERE v.day IS NOT NULL
    ),
    days AS (
      INSERT INTO kpi_daily (unit_id, day, received, received_online, digitized, reused, fee_total, fee_online, finished, finished_on_time, result_digitized, satisfied, due, due_closed)
      SELECT unit_id, day, sum(received), sum(received_online), sum(digitized), sum(reused), sum(fee_total), sum(fee_online),
             sum(finished), sum(finished_on_time), sum(result_digitized), sum(satisfied), sum(due), sum(due_closed)
      FROM c GROUP BY unit_id, day
      RETURNING *
    )
    INSERT INTO kpi_monthly (unit_id, month, received, received_online, digitized, reused, fee_total, fee_online, finished, finished_on_time, result_digitized, satisfied, due, due_closed)
    SELECT unit_id, day - (extract(day FROM day)::int - 1), sum(received), sum(received_online), sum(digitized), sum(reused), sum(fee_total), sum(fee_online),
           sum(finished), sum(finished_on_time), sum(result_digitized), sum(satisfied), sum(due), sum(due_closed)
    FROM days GROUP BY 1, 2`;
}
