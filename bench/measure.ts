/** Runs `fn` repeatedly after a warm-up and returns per-iteration timings in milliseconds. */
export async function measure(fn: () => Promise<unknown>, iterations: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

export function summary(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

export function report(label: string, ms: number[]): { median: number } {
  const { median, p95 } = summary(ms);
  console.log(`${label.padEnd(44)} median ${median.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   (n=${ms.length})`);
  return { median };
}
