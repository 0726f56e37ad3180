/**
 * Benchmarks (never part of `npm test`). Each prints its figures and a ratio against a baseline
 * measured in the same run, because these machines are noisy. Run: npm run bench [-- name …]
 */
import { subtreeBench } from './units-subtree.bench.ts';

const all: Record<string, () => Promise<void>> = {
  'units-subtree': subtreeBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const [name, fn] of Object.entries(all)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await fn();
}
