/** Shared plumbing of the CLI commands. */
import { InvalidArgumentError } from 'commander';
import { loadConfig, type Config, type ConfigOverrides } from '../env.ts';
import { createLogger } from '../shared/logger.ts';
import { readServerLock } from '../shared/lock.ts';
import { prepareDatabase } from '../system.ts';
import type { Database } from '../db/client.ts';

export const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('phải là số nguyên không âm');
  return n;
};

export function configFrom(opts: { port?: number; dataDir?: string; demo?: boolean }): Config {
  const o: ConfigOverrides = {};
  if (opts.port !== undefined) o.port = opts.port;
  if (opts.dataDir !== undefined) o.dataDir = opts.dataDir;
  if (opts.demo !== undefined) o.demo = opts.demo;
  return loadConfig(o);
}

/** Opens the store for a one-off command, refusing when a server holds the embedded database. */
export async function withDatabase<T>(config: Config, fn: (d: Database) => Promise<T>): Promise<T> {
  if (!config.databaseUrl) {
    const lock = readServerLock(config.dataDir);
    if (lock) {
      throw new Error(
        `Máy chủ motcua đang chạy trên ${config.dataDir} (pid ${lock.pid}). Dừng máy chủ trước, hoặc dùng DATABASE_URL. / A server holds the embedded database.`,
      );
    }
  }
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await prepareDatabase(config, log);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

