/**
 * Benchmarks (never part of `npm test`). Each prints its figures and a ratio against a baseline
 * measured in the same run, because these machines are noisy. Run: npm run bench [-- name …], with
 * options npm run bench -- -- name … --option value (docs/performance.md: options and figures).
 */
import { wantedNames } from './args.ts';
import { intakeBench } from './intake.bench.ts';
import { kpiBench } from './kpi.bench.ts';
import { reconcileBench } from './reconcile.bench.ts';
import { subtreeBench } from './units-subtree.bench.ts';

const all: Record<string, () => Promise<void>> = {
  'units-subtree': subtreeBench,
  kpi: kpiBench,
  intake: intakeBench,
  reconcile: reconcileBench,
};

const wanted = wantedNames();
const unknown = wanted.filter((w) => !(w in all));
if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(all).join(', ')}`);
for (const [name, fn] of Object.entries(all)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await fn();
}
