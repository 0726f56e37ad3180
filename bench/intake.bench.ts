/**
 * Counter intake over real HTTP (issue 3 §7): 32 concurrent clients, each a logged-in intake officer,
 * POST /api/v1/dossiers to a `motcua serve` child process, against a bare Fastify endpoint (its own
 * child process) inserting one row into the same database, in the same run.
 *
 *   npm run bench -- -- intake [--seconds S] [--clients N] [--history N] [--no-calibration] [--keep]
 *
 * Scenarios, in this order: bare endpoint; calibration (the bare insert inside a transaction of 8,
 * then 17 statements: the round trips of a lean intake and of today's); intake spread over 32
 * communes (one officer per commune, as desks work); intake at one commune (8 officers of the same desk share the 32 clients: every
 * intake then waits for the same receipt-counter and indicator rows); bare endpoint again (the
 * machine is shared: the better of the two bare runs is the baseline, which is the harder one).
 * Why child processes: the server must not share its event loop with the load generator; on this
 * 2-core machine the client, the server and PostgreSQL still share the cores, for both endpoints alike.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createStaff } from '../apps/api/src/modules/staff/staff.service.ts';
import { rebuildAggregates } from '../apps/api/src/modules/kpi/kpi.service.ts';
import { allDossierFacts } from '../apps/api/src/modules/dossiers/dossiers.service.ts';
import { flag, intOption, option } from './args.ts';
import { createBenchDatabase, loadAverage, machineFacts } from './bench-db.ts';
import { fillAggregates, loadDossiers, loadPlan } from './kpi-data.ts';
import { percentile, processCpuMs, runLoad, startServer, type ChildServer, type CpuProbe, type LoadResult } from './http-load.ts';
import { PRODUCTION_EXTERNALS } from './production-env.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const GOAL_RATE = 500;
const GOAL_P99_MS = 100;
/** Round trips per request of the calibration runs: what a lean intake would make, and what it makes now. */
const CALIBRATION = [8, 17];
const PROCEDURE = '1.004194'; // Đăng ký tạm trú: 3 working days, fee at the counter

/** A valid applicant (CCCD of An Giang, mobile number) and the e-form of the procedure. */
const APPLICANT = {
  fullName: 'Lê Văn Phúc',
  idNumber: '089090012345',
  phone: '0912345678',
  address: '25 Nguyễn Huệ, Phường Long Xuyên, An Giang',
};
const FORM = {
  applicantFullName: APPLICANT.fullName,
  applicantDateOfBirth: '1990-03-15',
  applicantGender: 'Nam',
  applicantIdNumber: APPLICANT.idNumber,
  applicantPhone: APPLICANT.phone,
  temporaryAddress: '7 Lý Thái Tổ, Phường Long Xuyên, An Giang',
  legalResidenceBasis: 'Thuê, mượn, ở nhờ',
  stayMonths: 12,
};
const bodyFor = (unitCode: string) =>
  JSON.stringify({
    procedureCode: PROCEDURE,
    unitCode,
    channel: 'counter',
    applicant: APPLICANT,
    formData: FORM,
    digitizedDossier: true,
  });

const ms = (x: number) => `${x.toFixed(1)} ms`;

function show(label: string, r: LoadResult): void {
  console.log(
    `${label.padEnd(44)} ${r.rate.toFixed(0).padStart(6)} /s   p50 ${ms(percentile(r.latencies, 0.5)).padStart(9)}   p99 ${ms(percentile(r.latencies, 0.99)).padStart(9)}   (ok ${r.ok}, failed ${r.failed})`,
  );
  const cpu = { server: 0, postgres: 0, client: 0 };
  for (const [k, v] of Object.entries(r.cpuPerRequest)) cpu[k.startsWith('pg:') ? 'postgres' : (k as 'server' | 'client')] += v;
  if (Object.keys(r.cpuPerRequest).length) {
    console.log(
      `${''.padEnd(44)} CPU per request: server process ${ms(cpu.server)}, its PostgreSQL backends ${ms(cpu.postgres)}, load generator ${ms(cpu.client)}`,
    );
  }
  if (r.failed) console.log(`  first failure: ${r.firstFailure}`);
}

export async function intakeBench(): Promise<void> {
  const seconds = intOption('seconds', 20);
  const clients = intOption('clients', 32);
  const history = option('history') === undefined ? 0 : intOption('history', 0);
  const load = { warmupMs: 3_000, durationMs: seconds * 1000 };
  console.log(await machineFacts());
  const bench = await createBenchDatabase('intake');
  const servers: ChildServer[] = [];
  try {
    const db = bench.database.db;
    console.log(`database ${bench.name}; ${clients} clients, ${seconds} s measured after 3 s of warm-up per scenario`);
    if (history > 0) {
      const t = performance.now();
      await loadDossiers(db, await loadPlan(db, '91'), history, () => undefined);
      await fillAggregates(db);
      console.log(
        `history: ${history.toLocaleString('en-US')} dossiers and their aggregates loaded in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
    }
    const communes = await db
      .selectFrom('units as u')
      .innerJoin('units as p', 'p.id', 'u.parent_id')
      .select('u.code')
      .where('p.code', '=', '91')
      .where('p.valid_to', 'is', null)
      .where('u.kind', '=', 'commune')
      .where('u.valid_to', 'is', null)
      .orderBy('u.code')
      .limit(clients)
      .execute();
    if (communes.length < clients) throw new Error(`only ${communes.length} communes for ${clients} clients`);

    // Staff accounts (32 officers, one per commune, and 8 more at the first commune).
    const password = `bench-${crypto.randomBytes(9).toString('hex')}`;
    const officers: { username: string; unitCode: string }[] = [];
    for (const [i, c] of communes.entries()) officers.push({ username: `bench.intake.${i}`, unitCode: c.code });
    const desk = communes[0]!.code;
    for (let i = 0; i < 8; i++) officers.push({ username: `bench.desk.${i}`, unitCode: desk });
    for (const o of officers) {
      await createStaff(
        db,
        null,
        {
          username: o.username,
          fullName: 'Công chức Một cửa (benchmark)',
          unitCode: o.unitCode,
          roles: ['intake_officer'],
          password,
        },
        true,
      );
    }

    // CPU used by the server process, the PostgreSQL backends of the bench database and this process.
    const probeFor =
      (server: ChildServer): CpuProbe =>
      async () => {
        const backends = await sql<{ pid: number }>`
          SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(db);
        const out: Record<string, number> = {};
        for (const b of backends.rows) {
          const t = processCpuMs(b.pid);
          if (t !== null) out[`pg:${b.pid}`] = t;
        }
        out.server = processCpuMs(server.child.pid!) ?? 0;
        const own = process.cpuUsage();
        out.client = (own.user + own.system) / 1000;
        return out;
      };

    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATABASE_URL: bench.url, ...PRODUCTION_EXTERNALS };
    const bare = async (label: string, calibrate = false) => {
      const s = await startServer(
        ['--import', 'tsx', path.join(HERE, 'intake-bare-server.ts')],
        env,
        /listening (http:\/\/\S+)/,
        HERE,
      );
      servers.push(s);
      const body = bodyFor(desk);
      const run = (p: string) =>
        runLoad(s.origin, clients, () => ({ path: p, headers: { 'content-type': 'application/json' }, body }), {
          ...load,
          expectStatus: 201,
          probe: probeFor(s),
        });
      const r = await run('/bare');
      show(label, r);
      if (calibrate) {
        for (const k of CALIBRATION)
          show(`calibration: bare, transaction of ${k} statements`, await run(`/bare-tx?statements=${k}`));
      }
      await s.stop();
      return r;
    };

    const bare1 = await bare('bare endpoint (HTTP + one INSERT)', !flag('no-calibration'));

    // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the app server.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const app = await startServer(
      [...nodeArgs, path.join(ROOT, 'apps/api/bin/motcua.js'), 'serve', '--port', '0'],
      { ...env, HOST: '127.0.0.1', MOTCUA_DATA_DIR: path.join(os.tmpdir(), `motcua-bench-${process.pid}`) },
      /\((http:\/\/127\.0\.0\.1:\d+)\)/,
      ROOT,
    );
    servers.push(app);
    const tokens = new Map<string, string>();
    for (const o of officers) {
      const res = await fetch(`${app.origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: o.username, password }),
      });
      if (res.status !== 200) throw new Error(`login ${o.username}: ${res.status} ${await res.text()}`);
      tokens.set(o.username, ((await res.json()) as { token: string }).token);
    }
    const intake = (who: { username: string; unitCode: string }) => ({
      path: '/api/v1/dossiers',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(who.username)}` },
      body: bodyFor(who.unitCode),
    });
    const spread = await runLoad(app.origin, clients, (i) => intake(officers[i]!), {
      ...load,
      expectStatus: 201,
      probe: probeFor(app),
    });
    show(`intake, ${clients} communes (POST /api/v1/dossiers)`, spread);
    const deskOfficers = officers.slice(clients);
    const oneDesk = await runLoad(app.origin, clients, (i) => intake(deskOfficers[i % deskOfficers.length]!), {
      ...load,
      expectStatus: 201,
      probe: probeFor(app),
    });
    show(`intake, one commune (${desk}, 8 officers)`, oneDesk);
    await app.stop();

    const bare2 = await bare('bare endpoint again');

    // Every acknowledged intake is stored with its event, and the live aggregates are exact.
    const stored = await sql<{ dossiers: number; events: number }>`
      SELECT (SELECT count(*) FROM dossiers WHERE NOT imported)::int AS dossiers,
             (SELECT count(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE NOT d.imported)::int AS events`.execute(
      db,
    );
    const acknowledged = spread.okTotal + oneDesk.okTotal;
    const s = stored.rows[0]!;
    console.log(`stored: ${s.dossiers} dossiers and ${s.events} events for ${acknowledged} answers 201`);
    if (s.dossiers !== acknowledged || s.events !== acknowledged)
      throw new Error('stored dossiers/events differ from the acknowledged intakes');
    if (history <= 1_000_000) {
      const r = await rebuildAggregates(db, (trx) => allDossierFacts(trx), { replace: false, maxRows: 10 });
      console.log(
        `live indicator aggregates after the run: ${r.agreed ? 'agree with the kpi rebuild' : `DIFFER on ${r.differingRows} rows`}`,
      );
      if (!r.agreed) throw new Error(`live aggregates differ: ${JSON.stringify(r.differences)}`);
    }

    console.log(loadAverage());
    const base = bare1.rate >= bare2.rate ? bare1 : bare2;
    const p99 = percentile(spread.latencies, 0.99);
    console.log(
      `ratio intake (${clients} communes) / bare: ${(spread.rate / base.rate).toFixed(2)} (goal ≥ 0.5; higher is better)`,
    );
    console.log(`ratio intake (one commune) / bare: ${(oneDesk.rate / base.rate).toFixed(2)}`);
    console.log(
      `goals (${clients} communes): ≥ ${GOAL_RATE}/s ${spread.rate >= GOAL_RATE ? 'MET' : 'MISSED'}; p99 < ${GOAL_P99_MS} ms ${p99 < GOAL_P99_MS ? 'MET' : 'MISSED'}; ≥ half the bare rate ${spread.rate >= base.rate / 2 ? 'MET' : 'MISSED'}`,
    );
  } finally {
    for (const s of servers) await s.stop();
    await bench.close();
  }
}
