/**
 * Command-line options of `npm run bench -- [name …] [--option value …]`. Benchmark names are the
 * bare words that are not the value of an option.
 */
const argv = process.argv.slice(2);

/** Options that take a value (everything else starting with -- is a flag). */
const WITH_VALUE = new Set(['dossiers', 'seconds', 'clients', 'iterations', 'history', 'people', 'seed', 'dir']);

export function option(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

export function intOption(name: string, fallback: number): number {
  const v = option(name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} needs a positive whole number, got ${JSON.stringify(v)}`);
  return n;
}

export function flag(name: string): boolean {
  return argv.includes(`--${name}`);
}

/** The benchmark names asked for (empty = all). */
export function wantedNames(): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      if (!a.includes('=') && WITH_VALUE.has(a.slice(2))) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
