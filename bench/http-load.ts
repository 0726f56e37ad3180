/**
 * A closed-loop HTTP load: `clients` loops, each sending its next request as soon as the previous
 * answer is read, over undici keep-alive connections (one per client), for a warm-up then a measured
 * duration. And a child server process that prints its address when ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Pool } from 'undici';

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  /** Answers with the expected status per second over the measured window. */
  rate: number;
  ok: number;
  failed: number;
  /** Latencies (ms) of the measured window, sorted. */
  latencies: number[];
  firstFailure?: string;
  /** Expected answers over warm-up and measured window (what the server must have stored). */
  okTotal: number;
  /** CPU milliseconds per answer of each process group the probe reports, over the measured window. */
  cpuPerRequest: Record<string, number>;
}

/** CPU time (user + system, ms) a Linux process has used, or null when it is gone or not Linux. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (USER_HZ = 100 on Linux).
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

/** Cumulative CPU ms per process group (e.g. server, postgres, client). */
export type CpuProbe = () => Promise<Record<string, number>>;

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export async function runLoad(
  origin: string,
  clients: number,
  requestOf: (client: number) => LoadRequest,
  opts: { warmupMs: number; durationMs: number; expectStatus: number; probe?: CpuProbe },
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: clients, pipelining: 1, keepAliveTimeout: 60_000 });
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let okTotal = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const probe = opts.probe;
  const cpuAt: Promise<Record<string, number>>[] = [];
  const timers = probe
    ? [
        setTimeout(() => cpuAt.push(probe()), opts.warmupMs),
        setTimeout(() => cpuAt.push(probe()), opts.warmupMs + opts.durationMs),
      ]
    : [];
  const loop = async (client: number) => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const r = requestOf(client);
      let status = 0;
      let text = '';
      try {
        const res = await pool.request({ path: r.path, method: 'POST', headers: r.headers, body: r.body });
        status = res.statusCode;
        text = await res.body.text();
      } catch (e) {
        text = String(e);
      }
      const t1 = performance.now();
      const good = status === opts.expectStatus;
      if (good) okTotal++;
      if (t0 < measureFrom || t1 > end) continue;
      if (good) {
        ok++;
        latencies.push(t1 - t0);
      } else {
        failed++;
        firstFailure ??= `${status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  for (const t of timers) clearTimeout(t);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const cpuPerRequest: Record<string, number> = {};
  if (cpuAt.length === 2 && ok > 0) {
    const [a, b] = await Promise.all(cpuAt);
    for (const k of Object.keys(b!)) cpuPerRequest[k] = (b![k]! - (a![k] ?? 0)) / ok;
  }
  return { rate: ok / (opts.durationMs / 1000), ok, failed, latencies, firstFailure, okTotal, cpuPerRequest };
}

export interface ChildServer {
  origin: string;
  child: ChildProcess;
  /** The last lines it wrote (for a failure message). */
  tail(): string;
  stop(): Promise<void>;
}

/** Starts `node args…` and waits for a line matching `ready` whose first group is the origin. */
export function startServer(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd: string): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  // If the benchmark itself stops (Ctrl-C), the server goes with it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not start in 120 s:\n${lines.join('\n')}`));
    }, 120_000);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const m = ready.exec(buffered);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        buffered = '';
        resolve({ origin: m[1]!, child, tail: () => lines.join('\n'), stop });
      } else if (buffered.length > 100_000) {
        buffered = buffered.slice(-10_000);
      }
    };
    child.stdout!.on('data', onData);
    // Keep draining both pipes after start-up (request logs), keeping only a tail.
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${lines.join('\n')}`));
    });
  });
}
