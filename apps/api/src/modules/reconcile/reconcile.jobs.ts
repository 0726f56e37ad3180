/**
 * Reconciliation jobs over the API (issue 6 §4, docs/reconcile.md "API job and campaign hand-off"):
 * rows in reconcile_jobs, files under <dataDir>/reconcile/<id>/{in,out}/, run in the same process one
 * at a time. A job is claimed with FOR UPDATE SKIP LOCKED, so two processes on one PostgreSQL never
 * run the same job; a job left 'running' by a crash is marked failed at start (restart-safe).
 * Uploaded inputs are deleted when the run ends, done or failed (personal data kept no longer than
 * needed); the outputs stay for download.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Logger } from '../../shared/logger.ts';
import { CsvInputError } from './reconcile.csv.ts';
import { reconcile, type ReconcileProgress } from './reconcile.engine.ts';
import { handOff } from './reconcile.handoff.ts';

export const RESULT_FILES = ['results.csv', 'outreach.csv', 'rejected.csv', 'over_limit.csv', 'summary.json'] as const;
export type ResultFile = (typeof RESULT_FILES)[number];

export const jobDir = (config: Pick<Config, 'dataDir'>, id: number) => path.join(config.dataDir, 'reconcile', String(id));
export const inputDir = (config: Pick<Config, 'dataDir'>, id: number) => path.join(jobDir(config, id), 'in');
export const outputDir = (config: Pick<Config, 'dataDir'>, id: number) => path.join(jobDir(config, id), 'out');

export interface InputNames {
  subscribers: string;
  registry: string;
}

/** Marks jobs left 'running' by a previous process as failed and deletes their inputs. */
export async function failInterruptedJobs(db: Db, config: Pick<Config, 'dataDir'>): Promise<number> {
  const rows = await db
    .updateTable('reconcile_jobs')
    .set({ status: 'failed', error: 'Máy chủ dừng giữa chừng khi đang đối soát; hãy tạo lại yêu cầu. / Interrupted by a server restart.', finished_at: sql`now()` })
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  for (const r of rows) fs.rmSync(inputDir(config, Number(r.id)), { recursive: true, force: true });
  return rows.length;
}

/** Claims the oldest queued job (or none). */
async function claim(db: Db): Promise<{ id: number } | undefined> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('reconcile_jobs')
      .select('id')
      .where('status', '=', 'queued')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return undefined;
    await tx.updateTable('reconcile_jobs').set({ status: 'running', started_at: sql`now()` }).where('id', '=', row.id).execute();
    return { id: Number(row.id) };
  });
}

function errorText(e: unknown): string {
  if (e instanceof CsvInputError) return e.message;
  const err = e as NodeJS.ErrnoException & { message?: string };
  if (err?.code === 'ENOENT' || err?.code === 'EACCES') return 'Không đọc hoặc ghi được tệp của yêu cầu đối soát.';
  return `Lỗi khi đối soát: ${err?.message ?? String(e)}`;
}

/** Runs one claimed job to its end; never throws (the failure is recorded on the job). */
export async function runJob(db: Db, config: Pick<Config, 'dataDir'>, id: number, log?: Logger): Promise<void> {
  const job = await db.selectFrom('reconcile_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const names = job.input_names as InputNames;
  const inDir = inputDir(config, id);
  let pending: Promise<unknown> = Promise.resolve();
  const onProgress = (p: ReconcileProgress) => {
    pending = pending.then(() =>
      db.updateTable('reconcile_jobs').set({ progress: JSON.stringify(p) }).where('id', '=', id).execute(),
    ).catch(() => undefined);
  };
  try {
    const summary = await reconcile({
      subscribersFile: path.join(inDir, names.subscribers),
      registryFile: path.join(inDir, names.registry),
      outDir: outputDir(config, id),
      maxPerId: job.max_per_id ?? undefined,
      deadline: job.deadline ?? undefined,
      onProgress,
    });
    await pending;
    const handoff = job.campaign_id ? await handOff(db, Number(job.campaign_id), summary, `reconcile:job:${id}`) : null;
    await db
      .updateTable('reconcile_jobs')
      .set({ status: 'done', summary: JSON.stringify(summary), handoff: handoff ? JSON.stringify(handoff) : null, finished_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  } catch (e) {
    await pending;
    log?.warn({ job: id, err: e }, 'reconcile job failed');
    await db.updateTable('reconcile_jobs').set({ status: 'failed', error: errorText(e), finished_at: sql`now()` }).where('id', '=', id).execute();
  } finally {
    fs.rmSync(inDir, { recursive: true, force: true });
  }
}

/** Runs queued jobs until none is left; returns how many ran. Tests call it directly. */
export async function runQueuedJobs(db: Db, config: Pick<Config, 'dataDir'>, log?: Logger): Promise<number> {
  let n = 0;
  for (let job = await claim(db); job; job = await claim(db)) {
    await runJob(db, config, job.id, log);
    n++;
  }
  return n;
}

let wake: (() => void) | null = null;

/** Called after a job is queued: starts the runner at once when one is running in this process. */
export function notifyReconcileJobs(): void {
  wake?.();
}

/**
 * The background runner for system.ts: fails interrupted jobs, then runs queued jobs when woken by
 * a new job and every `intervalMs` (jobs queued by another process). Returns the stop function.
 */
export function startReconcileJobs(db: Db, config: Pick<Config, 'dataDir'>, log: Logger, intervalMs = 30_000): () => Promise<void> {
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();
  let running = false;
  const tick = () => {
    if (stopped || running) return;
    running = true;
    busy = runQueuedJobs(db, config, log)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'reconcile jobs failed'))
      .finally(() => {
        running = false;
      });
  };
  busy = failInterruptedJobs(db, config)
    .then((n) => {
      if (n) log.warn({ jobs: n }, 'reconcile jobs interrupted by a restart marked failed');
    })
    .catch((err: unknown) => log.error({ err }, 'reconcile jobs recovery failed'))
    .then(tick);
  wake = tick;
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (wake === tick) wake = null;
    await busy;
  };
}
