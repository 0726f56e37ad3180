/**
 * Indicators with 10 million dossiers (issue 3 §7): GET /api/v1/kpi for one month and one year, the
 * province view through the real HTTP app (in process, app.inject, a logged-in monitor of province
 * 91), against the same figures computed by a plain GROUP BY over the dossier table in the same run.
 *
 *   npm run bench -- -- kpi [--dossiers N] [--iterations N] [--no-rebuild] [--keep]   (second -- : see docs/performance.md)
 *
 * Steps: fresh database → N dossiers set-based in SQL (kpi-data.ts) → aggregates by one set-based
 * statement with the contribution rules → the kpi module's own rebuild over every dossier (read
 * through the dossiers service's allDossierFacts) must agree with them → both readings of each
 * period must give the same figures ("agree") → timings.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { KPI_RATE_INDICATORS, type KpiReport, type KpiRow } from '@motcua/contracts';
import { FIGURE_KEYS, zeroFigures, type Figures } from '../apps/api/src/modules/kpi/kpi.points.ts';
import type { Db } from '../apps/api/src/db/client.ts';
import { buildApp, type App } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/env.ts';
import { createLogger } from '../apps/api/src/shared/logger.ts';
import { createStaff } from '../apps/api/src/modules/staff/staff.service.ts';
import { rebuildAggregates } from '../apps/api/src/modules/kpi/kpi.service.ts';
import { allDossierFacts } from '../apps/api/src/modules/dossiers/dossiers.service.ts';
import { flag, intOption } from './args.ts';
import { createBenchDatabase, loadAverage, machineFacts } from './bench-db.ts';
import { HISTORY_AS_OF, HISTORY_DAYS, HISTORY_FROM, WITHOUT_FACTS, fillAggregates, loadDossiers, loadPlan } from './kpi-data.ts';
import { measure, report } from './measure.ts';
import { PRODUCTION_EXTERNALS } from './production-env.ts';

const PROVINCE = '91';
const GOAL_MEDIAN_MS = 100;
const GOAL_RATIO = 20;
const GOAL_DOSSIERS = 10_000_000;

/** The sample periods: the last month of the history (its overdue stock sums every earlier month) and a calendar year. */
const PERIODS = [
  { label: 'one month (2026-10)', from: '2026-10-01', to: '2026-10-31' },
  { label: 'one year (2025)', from: '2025-01-01', to: '2025-12-31' },
];

const COUNTS = ['received', 'received_online', 'finished', 'finished_on_time', 'overdue_unfinished'] as const;
// The figures and rate names are the app's; the rates below are recomputed independently of
// kpi.points.ts on purpose, so the check does not share the code it checks.
const RATES = KPI_RATE_INDICATORS;
type ScanRow = Figures & { code: string };
type Numbers = Figures;
const KEYS = FIGURE_KEYS;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const vnMidnight = (day: string) => `${day}T00:00:00+07:00`;

/**
 * The baseline: the definitions of docs/indicators.md §1 evaluated directly on the dossier table,
 * one plain GROUP BY per handling unit of the province (rows received after the period cannot count
 * in any figure, so they are filtered out first; there is no index to help, so it is a scan).
 */
async function scan(db: Db, provincePath: string, from: string, to: string): Promise<ScanRow[]> {
  const start = vnMidnight(from);
  const end = vnMidnight(nextDay(to));
  const inPeriod = (col: string) => sql.raw(`d.${col} >= '${start}'::timestamptz AND d.${col} < '${end}'::timestamptz`);
  const onTime = sql`d.finished_at <= d.due_at AND d.supplement_requests <= 1`;
  const r = await sql<ScanRow>`
    SELECT u.code,
      count(*) FILTER (WHERE ${inPeriod('received_at')})::int AS received,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND d.channel = 'online')::int AS received_online,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND d.digitized_dossier)::int AS digitized,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND d.reused_data)::int AS reused,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND d.fee_vnd > 0 AND d.paid IN ('online', 'counter'))::int AS fee_total,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND d.fee_vnd > 0 AND d.paid = 'online')::int AS fee_online,
      count(*) FILTER (WHERE ${inPeriod('finished_at')})::int AS finished,
      count(*) FILTER (WHERE ${inPeriod('finished_at')} AND ${onTime})::int AS finished_on_time,
      count(*) FILTER (WHERE ${inPeriod('finished_at')} AND d.digitized_result)::int AS result_digitized,
      count(*) FILTER (WHERE ${inPeriod('finished_at')} AND ${onTime} AND d.rating IS DISTINCT FROM 'unsatisfied' AND NOT d.complaint)::int AS satisfied,
      count(*) FILTER (WHERE d.due_at < ${end}::timestamptz AND (d.finished_at IS NULL OR d.finished_at >= ${end}::timestamptz))::int AS overdue_unfinished
    FROM dossiers d JOIN units u ON u.id = d.handling_unit_id
    WHERE u.path LIKE ${`${provincePath}%`} AND d.status NOT IN ${WITHOUT_FACTS} AND d.received_at < ${end}::timestamptz
    GROUP BY u.code`.execute(db);
  return r.rows;
}

/** n ÷ d rounded half-up to 4 decimals, null when d = 0 (docs/indicators.md §1). */
const rateOf = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d) / 10_000);

function ratesOf(f: Numbers): Record<(typeof RATES)[number], number | null> {
  return {
    online_rate: rateOf(f.received_online, f.received),
    on_time_rate: rateOf(f.finished_on_time, f.finished + f.overdue_unfinished),
    digitized_rate: rateOf(f.digitized, f.received),
    result_digitized_rate: rateOf(f.result_digitized, f.finished),
    reuse_rate: rateOf(f.reused, f.received),
    payment_online_rate: rateOf(f.fee_online, f.fee_total),
    satisfaction_rate: rateOf(f.satisfied, f.finished),
  };
}

/** Differences between the API's rows and the scan's (unit rows with figures, and the total). */
function compare(api: KpiReport, scanRows: ScanRow[]): string[] {
  const total = zeroFigures();
  const expected = new Map<string, Numbers>();
  for (const r of scanRows) {
    for (const k of KEYS) total[k] += r[k];
    if (KEYS.some((k) => r[k] !== 0)) expected.set(r.code, r);
  }
  expected.set('total', total);
  const got = new Map<string, KpiRow>(api.rows.map((r) => [r.unit_code, r]));
  const problems: string[] = [];
  for (const code of new Set([...expected.keys(), ...got.keys()])) {
    const e = expected.get(code);
    const g = got.get(code);
    if (!e || !g) {
      problems.push(`${code}: ${e ? 'missing from the API' : 'not in the scan'}`);
      continue;
    }
    for (const k of COUNTS) if (e[k] !== g[k]) problems.push(`${code}.${k}: scan ${e[k]}, api ${g[k]}`);
    const rates = ratesOf(e);
    for (const k of RATES) if (rates[k] !== g[k]) problems.push(`${code}.${k}: scan ${rates[k]}, api ${g[k]}`);
  }
  return problems;
}

async function monitorSession(app: App, db: Db): Promise<Record<string, string>> {
  const username = `bench.monitor.${process.pid}`;
  const password = `bench-${crypto.randomBytes(9).toString('hex')}`;
  await createStaff(
    db,
    null,
    { username, fullName: 'Lãnh đạo theo dõi (benchmark)', unitCode: PROVINCE, roles: ['monitor'], password },
    true,
  );
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}

const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const int = (n: number) => n.toLocaleString('en-US');

export async function kpiBench(): Promise<void> {
  const n = intOption('dossiers', 10_000_000);
  const iterations = Math.max(30, intOption('iterations', 30));
  console.log(await machineFacts());
  const bench = await createBenchDatabase('kpi');
  try {
    const db = bench.database.db;
    console.log(`database ${bench.name}`);

    // 1. The dossiers.
    const plan = await loadPlan(db, PROVINCE);
    console.log(
      `loading ${int(n)} dossiers: receipts ${HISTORY_FROM} + ${HISTORY_DAYS} days, as of ${HISTORY_AS_OF}, ${plan.communes.length} communes + ${plan.agencies.length} agencies`,
    );
    let t = performance.now();
    let shown = 0;
    await loadDossiers(db, plan, n, (done) => {
      if (done - shown >= 2_000_000 || done === n) {
        shown = done;
        console.log(`  … ${int(done)} rows inserted (${secs(t)})`);
      }
    });
    const loadMs = performance.now() - t;
    const size = await sql<{ n: number; size: string }>`
      SELECT count(*)::bigint AS n, pg_size_pretty(pg_total_relation_size('dossiers')) AS size FROM dossiers`.execute(db);
    console.log(
      `loaded ${int(size.rows[0]!.n)} dossiers in ${(loadMs / 1000).toFixed(1)} s (${int(Math.round(n / (loadMs / 1000)))} rows/s, indexes and VACUUM ANALYZE included); dossiers + indexes: ${size.rows[0]!.size}`,
    );

    // 2. The aggregates: one set-based statement with the contribution rules …
    t = performance.now();
    await fillAggregates(db);
    const agg = await sql<{ days: number; months: number }>`
      SELECT (SELECT count(*) FROM kpi_daily)::int AS days, (SELECT count(*) FROM kpi_monthly)::int AS months`.execute(db);
    console.log(
      `aggregates by one set-based statement: ${secs(t)} (${int(agg.rows[0]!.days)} day rows, ${int(agg.rows[0]!.months)} month rows)`,
    );

    // … checked, row by row and counter by counter, by the kpi module's own rebuild.
    if (flag('no-rebuild')) {
      console.log('module rebuild check skipped (--no-rebuild)');
    } else {
      t = performance.now();
      const r = await rebuildAggregates(db, (trx) => allDossierFacts(trx), { replace: false, maxRows: 20 });
      const ms = performance.now() - t;
      console.log(
        `kpi module rebuild (allDossierFacts batches of 5,000, compare only): ${int(r.dossiers)} dossiers in ${(ms / 1000).toFixed(1)} s (${int(Math.round(r.dossiers / (ms / 1000)))}/s) — ${r.agreed ? 'agrees with the set-based aggregates' : `DIFFERS on ${r.differingRows} rows`}`,
      );
      if (!r.agreed)
        throw new Error(
          `the set-based aggregates differ from the module's rebuild: ${JSON.stringify(r.differences.slice(0, 10))}`,
        );
    }

    // 3. The app, in process, and a monitor of the province.
    const config = loadConfig(
      { dataDir: path.join(os.tmpdir(), `motcua-bench-${process.pid}`), logLevel: 'warn' },
      { NODE_ENV: 'production', DATABASE_URL: bench.url, ...PRODUCTION_EXTERNALS },
    );
    const app = await buildApp({ db, config, log: createLogger('warn'), dbKind: 'postgres' });
    await app.ready();
    try {
      const headers = await monitorSession(app, db);
      const province = await db
        .selectFrom('units')
        .select('path')
        .where('code', '=', PROVINCE)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow();
      for (const p of PERIODS) {
        const url = `/api/v1/kpi?from=${p.from}&to=${p.to}`;
        const ours = async () => {
          const res = await app.inject({ method: 'GET', url, headers });
          if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          return res;
        };
        const base = () => scan(db, province.path, p.from, p.to);
        const report0 = (await ours()).json() as KpiReport;
        const scanRows = await base();
        const problems = compare(report0, scanRows);
        const totalRow = report0.rows.find((r) => r.unit_code === 'total')!;
        console.log(`\n${p.label}, province view (${report0.rows.length - 1} unit rows + total)`);
        console.log(
          `  total: received ${int(totalRow.received)}, online ${int(totalRow.received_online)}, finished ${int(totalRow.finished)}, on time ${int(totalRow.finished_on_time)}, overdue unfinished ${int(totalRow.overdue_unfinished)}, on_time_rate ${totalRow.on_time_rate}`,
        );
        if (problems.length) {
          console.log(`  DISAGREE (${problems.length}): ${problems.slice(0, 10).join('; ')}`);
          throw new Error(`GET /api/v1/kpi and the GROUP BY disagree for ${p.label}`);
        }
        console.log(`  agree (every unit row and the total: 5 counts and 7 rates)`);
        console.log(`  ${loadAverage()}`);
        const b = report(`  baseline: GROUP BY over dossiers`, await measure(base, iterations, 2));
        const o = report(`  GET /api/v1/kpi (aggregates)`, await measure(ours, iterations, 5));
        const ratio = b.median / o.median;
        console.log(`  ratio baseline / ours: ${ratio.toFixed(1)}× (higher is better)`);
        console.log(
          `  goals: median < ${GOAL_MEDIAN_MS} ms ${o.median < GOAL_MEDIAN_MS ? 'MET' : 'MISSED'}; ≥ ${GOAL_RATIO}× the scan ${ratio >= GOAL_RATIO ? 'MET' : 'MISSED'}${n < GOAL_DOSSIERS ? ` (the goals are set for ${int(GOAL_DOSSIERS)} dossiers)` : ''}`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}
