/**
 * Subscriber reconciliation at 10 million × 10 million (issue 6 §6): generate a registry extract
 * and a subscriber extract (reconcile.generate.ts, realistic mix of statuses), then in the same run
 * (a) the baseline: parse both files with the same CSV reader doing nothing per row, and (b) the
 * full reconciliation into a temporary output folder. Each phase runs in its own child process
 * (`node --import tsx bench/reconcile.bench.ts --phase …`) and reports its peak RSS from
 * process.resourceUsage().maxRSS at exit, so the harness's own memory does not count.
 *
 *   npm run bench -- -- reconcile [--people N] [--seed S] [--dir D] [--keep]
 *
 * The generated pair is cached in D/p<people>-s<seed>/ (default under the system temp folder), so
 * a rerun skips generation; --keep keeps it (and the outputs), otherwise both are deleted at the end.
 * Goals (issue 6 §6): ≤ 120 s for 10 M × 10 M, peak memory ≤ 1 GB, reconcile rate ≥ 0.3 × parse rate.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTable } from '../apps/api/src/modules/reconcile/reconcile.csv.ts';
import { reconcile } from '../apps/api/src/modules/reconcile/reconcile.engine.ts';
import { generatePair } from '../apps/api/src/modules/reconcile/reconcile.generate.ts';
import { REGISTRY_COLUMNS, SUBSCRIBER_COLUMNS } from '../apps/api/src/modules/reconcile/reconcile.types.ts';
import { flag, intOption, option } from './args.ts';

const GOAL_PEOPLE = 10_000_000;
const GOAL_WALL_S = 120;
const GOAL_RSS_BYTES = 1024 ** 3;
const GOAL_RATIO = 0.3;
const MARK = 'RECONCILE_BENCH_RESULT ';

interface PhaseResult {
  phase: 'parse' | 'reconcile';
  registryRows: number;
  subscriberRows: number;
  /** Wall time of the work inside the child (excludes Node and tsx start-up). */
  ms: number;
  registryMs: number;
  subscribersMs: number;
  maxRssBytes: number;
  byStatus?: Record<string, number>;
  indexBytes?: number;
}

interface Generated {
  people: number;
  seed: number;
  registryRows: number;
  subscriberRows: number;
  registryBytes: number;
  subscribersBytes: number;
  generateMs: number;
}

// ---------------------------------------------------------------- child side

async function parsePhase(dir: string): Promise<PhaseResult> {
  const t0 = performance.now();
  let registryRows = 0;
  let subscriberRows = 0;
  const reg = await openTable(path.join(dir, 'registry.csv'), REGISTRY_COLUMNS);
  for await (const b of reg.batches()) registryRows += b.records.length;
  const t1 = performance.now();
  const sub = await openTable(path.join(dir, 'subscribers.csv'), SUBSCRIBER_COLUMNS);
  for await (const b of sub.batches()) subscriberRows += b.records.length;
  const t2 = performance.now();
  return {
    phase: 'parse',
    registryRows,
    subscriberRows,
    ms: t2 - t0,
    registryMs: t1 - t0,
    subscribersMs: t2 - t1,
    maxRssBytes: 0,
  };
}

async function reconcilePhase(dir: string, outDir: string): Promise<PhaseResult> {
  const t0 = performance.now();
  const s = await reconcile({
    registryFile: path.join(dir, 'registry.csv'),
    subscribersFile: path.join(dir, 'subscribers.csv'),
    outDir,
    deadline: '2026-12-31',
  });
  return {
    phase: 'reconcile',
    registryRows: s.inputs.registry.rows,
    subscriberRows: s.inputs.subscribers.rows,
    ms: performance.now() - t0,
    registryMs: s.timing.registryMs,
    subscribersMs: s.timing.subscribersMs,
    maxRssBytes: 0,
    byStatus: s.byStatus,
    indexBytes: s.memory.indexBytes,
  };
}

async function child(): Promise<void> {
  const phase = option('phase');
  const dir = option('data')!;
  const r = phase === 'parse' ? await parsePhase(dir) : await reconcilePhase(dir, option('out')!);
  // maxRSS is in kilobytes (getrusage), for the whole life of this process.
  r.maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(MARK + JSON.stringify(r) + '\n');
}

// ---------------------------------------------------------------- harness side

const SELF = fileURLToPath(import.meta.url);

function runChild(args: string[]): Promise<{ result: PhaseResult; outerMs: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', SELF, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) return reject(new Error(`phase ${args.join(' ')} failed (exit ${code}):\n${out}`));
      resolve({ result: JSON.parse(line.slice(MARK.length)) as PhaseResult, outerMs: performance.now() - t0 });
    });
  });
}

function ensureData(dir: string, people: number, seed: number): Generated {
  const marker = path.join(dir, 'generated.json');
  if (fs.existsSync(marker)) {
    const g = JSON.parse(fs.readFileSync(marker, 'utf8')) as Generated;
    console.log(`generated pair reused from ${dir} (generated in ${(g.generateMs / 1000).toFixed(1)} s)`);
    return g;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const p = generatePair({ people, seed, dir, keepAnswers: false });
  const g: Generated = {
    people,
    seed,
    registryRows: p.registryRows,
    subscriberRows: p.subscriberRows,
    registryBytes: fs.statSync(p.registryFile).size,
    subscribersBytes: fs.statSync(p.subscribersFile).size,
    generateMs: performance.now() - t0,
  };
  fs.writeFileSync(marker, JSON.stringify(g));
  console.log(`generated ${dir} in ${(g.generateMs / 1000).toFixed(1)} s`);
  return g;
}

const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export async function reconcileBench(): Promise<void> {
  const people = intOption('people', GOAL_PEOPLE);
  const seed = intOption('seed', 6);
  const root = path.resolve(option('dir') ?? path.join(os.tmpdir(), 'motcua-reconcile-bench'));
  fs.mkdirSync(root, { recursive: true });
  const keep = flag('keep');
  const dataDir = path.join(root, `p${people}-s${seed}`);
  const outDir = fs.mkdtempSync(path.join(root, 'out-'));
  const cpu = os.cpus();
  console.log(
    `${new Date().toISOString()}; node ${process.version}; ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const g = ensureData(dataDir, people, seed);
    const rows = g.registryRows + g.subscriberRows;
    console.log(
      `people ${fmt(people)}: registry ${fmt(g.registryRows)} rows (${mb(g.registryBytes)}), subscribers ${fmt(g.subscriberRows)} rows (${mb(g.subscribersBytes)})`,
    );

    const parse = await runChild(['--phase', 'parse', '--data', dataDir]);
    const rec = await runChild(['--phase', 'reconcile', '--data', dataDir, '--out', outDir]);
    for (const { result: r } of [parse, rec]) {
      if (r.registryRows !== g.registryRows || r.subscriberRows !== g.subscriberRows) {
        throw new Error(
          `${r.phase} read ${r.registryRows} + ${r.subscriberRows} rows, generated ${g.registryRows} + ${g.subscriberRows}`,
        );
      }
    }
    const line = (label: string, o: { result: PhaseResult; outerMs: number }) => {
      const r = o.result;
      console.log(
        `${label.padEnd(28)} ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${fmt(rows / (r.ms / 1000)).padStart(11)} rows/s  ` +
          `(registry ${(r.registryMs / 1000).toFixed(1)} s, subscribers ${(r.subscribersMs / 1000).toFixed(1)} s)  ` +
          `peak RSS ${mb(r.maxRssBytes)}  [process ${(o.outerMs / 1000).toFixed(1)} s]`,
      );
    };
    line('parse only (baseline)', parse);
    line('full reconciliation', rec);
    if (rec.result.byStatus) {
      console.log(
        'statuses: ' +
          Object.entries(rec.result.byStatus)
            .map(([k, v]) => `${k} ${fmt(v)}`)
            .join(', ') +
          `; index ${mb(rec.result.indexBytes ?? 0)}`,
      );
    }

    const ratio = parse.result.ms / rec.result.ms;
    const wallS = rec.result.ms / 1000;
    const scaled = people === GOAL_PEOPLE ? wallS : (wallS * GOAL_PEOPLE) / people;
    const scaledNote =
      people === GOAL_PEOPLE
        ? ''
        : ` (EXTRAPOLATED linearly from ${fmt(people)} people: ${wallS.toFixed(1)} s × ${(GOAL_PEOPLE / people).toFixed(1)})`;
    console.log(
      `goal wall time ≤ ${GOAL_WALL_S} s at 10 M × 10 M: ${scaled.toFixed(1)} s${scaledNote}  ${verdict(scaled <= GOAL_WALL_S)}`,
    );
    console.log(
      `goal peak memory ≤ ${mb(GOAL_RSS_BYTES)}: reconcile ${mb(rec.result.maxRssBytes)} (parse alone ${mb(parse.result.maxRssBytes)})  ${verdict(rec.result.maxRssBytes <= GOAL_RSS_BYTES)}` +
        (people === GOAL_PEOPLE ? '' : ` at ${fmt(people)} people`),
    );
    console.log(`goal rate ≥ ${GOAL_RATIO} × parse rate: ${ratio.toFixed(2)}  ${verdict(ratio >= GOAL_RATIO)}`);
  } finally {
    if (!keep) {
      fs.rmSync(outDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    } else console.log(`kept ${dataDir} and the outputs in ${outDir}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF && option('phase')) await child();
