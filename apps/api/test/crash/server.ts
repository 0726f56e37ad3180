/**
 * `motcua serve` and other CLI commands as child processes of the test (bin/motcua.js runs main.ts in
 * the same process, so the child's pid is the server's). Every server started here is remembered, so
 * afterAll can kill what a failed test left running.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../src/shared/paths.ts';

const BIN = path.join(REPO_ROOT, 'apps', 'api', 'bin', 'motcua.js');
const run = promisify(execFile);

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  pid: number;
  base: string;
  /** Settles when the process has exited (and been reaped). */
  exited: Promise<Exit>;
  /** The last lines the server wrote, for failure messages. */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

const running = new Set<ChildProcess>();

/** The child uses the store it is given: the embedded one under --data-dir, or `databaseUrl`. */
export function childEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.MOTCUA_DATA_DIR;
  delete env.MOTCUA_DEMO;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** A port nobody listens on right now: the server needs to be told its port in advance. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/**
 * Starts `motcua serve` and resolves once /api/health answers; rejects with its output if it dies
 * first. The free port may be taken by someone else before the server listens: then another one.
 */
export async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dataDir, databaseUrl, await freePort());
    } catch (e) {
      if (attempt === 3 || !String(e).includes('EADDRINUSE')) throw e;
    }
  }
}

async function startOnce(dataDir: string, databaseUrl: string | undefined, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data-dir', dataDir], {
    env: childEnv(databaseUrl),
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      running.delete(child);
      resolve(exit);
    });
  });
  const server: ServerProcess = {
    pid: child.pid!,
    base: `http://127.0.0.1:${port}`,
    exited,
    output: () => log,
    kill: (signal) => void child.kill(signal),
  };
  // Boot includes loading tsx and the embedded database: a safety bound, not a measured expectation.
  const giveUp = Date.now() + 90_000;
  for (;;) {
    if (exit) throw new Error(`motcua serve exited (${JSON.stringify(exit)}) before answering /api/health:\n${log}`);
    if (Date.now() > giveUp) throw new Error(`motcua serve never answered /api/health:\n${log}`);
    try {
      const res = await fetch(`${server.base}/api/health`);
      if (res.ok && ((await res.json()) as { status: string }).status === 'ok') return server;
    } catch {
      /* not listening yet */
    }
    await delay(100);
  }
}

/** Kills (SIGKILL) every server still running and waits until each has exited. */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Runs a one-off CLI command; rejects (with stdout/stderr) on a non-zero exit. */
export function motcua(args: string[], databaseUrl: string | undefined) {
  return run(process.execPath, [BIN, ...args], { env: childEnv(databaseUrl), cwd: REPO_ROOT, timeout: 90_000 });
}
