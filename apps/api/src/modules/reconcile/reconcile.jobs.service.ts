/**
 * Who may start and read reconciliation jobs (docs/reconcile.md "API job and campaign hand-off").
 *
 * - Start: a campaign coordinator (permission campaign.manage) of the province: the province unit
 *   itself or a province agency (Sở KH&CN, Công an tỉnh…). With a campaign, the campaign's coordinating
 *   unit's coordinators or a coordinator whose scope is the whole area of the campaign; a commune's
 *   coordinator cannot (the registry extract covers the whole province).
 * - Read (status, files): staff with campaign.read whose unit is inside the creator's unit's subtree,
 *   or above it (the province). Anyone else gets 404: the job's existence is not disclosed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Db } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import { errors } from '../../errors.ts';
import { inSubtree, PERMISSIONS, type Action, type Actor } from '../../shared/policy.ts';
import { campaignAccess } from '../campaigns/campaigns.access.ts';
import { handoffTarget } from './reconcile.handoff.ts';
import { inputDir, jobDir, notifyReconcileJobs, outputDir, RESULT_FILES, type InputNames } from './reconcile.jobs.ts';
import { receiveJobUpload } from './reconcile.jobs.upload.ts';
import type { FastifyRequest } from 'fastify';
import type { ReconcileJobView } from '@motcua/contracts';

const allowed = (actor: Actor, action: Action) => actor.roles.some((r) => (PERMISSIONS[action] as readonly string[]).includes(r));

async function assertProvinceLevel(db: Db, actor: Actor): Promise<void> {
  const u = await db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.kind', 'p.kind as parent_kind'])
    .where('u.id', '=', actor.unitId)
    .executeTakeFirst();
  const ok = u && (u.kind === 'province' || (u.kind === 'agency' && u.parent_kind === 'province'));
  if (!ok) throw errors.forbidden({ reason: 'Chỉ điều phối viên cấp tỉnh được chạy đối soát thuê bao.' });
}

function parseFields(f: { maxPerId?: string; deadline?: string }) {
  const problems: { field: string; message: string }[] = [];
  let maxPerId: number | null = null;
  let deadline: string | null = null;
  if (f.maxPerId) {
    if (/^\d{1,6}$/.test(f.maxPerId) && Number(f.maxPerId) >= 1) maxPerId = Number(f.maxPerId);
    else problems.push({ field: 'maxPerId', message: 'Phải là số nguyên dương' });
  }
  if (f.deadline) {
    const d = new Date(f.deadline + 'T00:00:00Z');
    if (/^\d{4}-\d{2}-\d{2}$/.test(f.deadline) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === f.deadline) deadline = f.deadline;
    else problems.push({ field: 'deadline', message: 'Phải là ngày YYYY-MM-DD' });
  }
  if (problems.length) throw errors.validation(problems, 'Tham số đối soát không hợp lệ.');
  return { maxPerId, deadline };
}

/** Receives the upload, checks everything, queues the job; returns its id. Nothing is left on refusal. */
export async function createJob(db: Db, config: Pick<Config, 'dataDir'>, actor: Actor, req: FastifyRequest): Promise<number> {
  if (!allowed(actor, 'campaign.manage')) throw errors.forbidden();
  const tmp = path.join(config.dataDir, 'reconcile', `upload-${crypto.randomUUID()}`);
  try {
    const upload = await receiveJobUpload(req, tmp);
    const { maxPerId, deadline } = parseFields(upload.fields);
    let campaignId: number | null = null;
    if (upload.fields.campaign) {
      const a = await campaignAccess(db, actor, upload.fields.campaign, 'campaign.manage');
      if (!a.coordinator && a.scopePath !== a.campaign.scope_path)
        throw errors.forbidden({ reason: 'Chỉ điều phối viên của cả địa bàn chiến dịch được chuyển kết quả đối soát.' });
      campaignId = (await handoffTarget(db, a.campaign.id)).id;
    } else {
      await assertProvinceLevel(db, actor);
    }
    const names: InputNames = { subscribers: upload.files.subscribers!, registry: upload.files.registry! };
    const row = await db
      .insertInto('reconcile_jobs')
      .values({ created_by: actor.staffId, unit_id: actor.unitId, campaign_id: campaignId, max_per_id: maxPerId, deadline, input_names: JSON.stringify(names) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    fs.mkdirSync(jobDir(config, id), { recursive: true });
    fs.renameSync(tmp, inputDir(config, id));
    notifyReconcileJobs();
    return id;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The job if the actor may read it, else 404. */
export async function readableJob(db: Db, actor: Actor, id: number) {
  const job = await db
    .selectFrom('reconcile_jobs as j')
    .innerJoin('units as u', 'u.id', 'j.unit_id')
    .leftJoin('campaigns as c', 'c.id', 'j.campaign_id')
    .selectAll('j')
    .select(['u.path as unit_path', 'u.code as unit_code', 'c.code as campaign_code'])
    .where('j.id', '=', id)
    .executeTakeFirst();
  if (!job || !allowed(actor, 'campaign.read') || !(inSubtree(actor.unitPath, job.unit_path) || inSubtree(job.unit_path, actor.unitPath)))
    throw errors.notFound(`yêu cầu đối soát ${id}`, `Reconcile job ${id}`);
  return job;
}

type Job = Awaited<ReturnType<typeof readableJob>>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentJob(config: Pick<Config, 'dataDir'>, job: Job): ReconcileJobView {
  const p = job.progress as { phase: 'registry' | 'subscribers'; rows: number; rowsPerSecond: number; etaSeconds: number | null; bytesDone: number; bytesTotal: number } | null;
  const out = outputDir(config, Number(job.id));
  return {
    id: Number(job.id),
    status: job.status,
    unitCode: job.unit_code,
    campaignCode: job.campaign_code ?? null,
    maxPerId: job.max_per_id,
    deadline: job.deadline,
    progress: p
      ? {
          phase: p.phase,
          rows: p.rows,
          rowsPerSecond: p.rowsPerSecond,
          etaSeconds: job.status === 'done' ? 0 : p.etaSeconds,
          percent: job.status === 'done' ? 100 : p.bytesTotal > 0 ? Math.min(100, Math.floor((p.bytesDone / p.bytesTotal) * 100)) : 0,
        }
      : null,
    summary: (job.summary as Record<string, unknown> | null) ?? null,
    handoff: (job.handoff as Record<string, unknown> | null) ?? null,
    error: job.error,
    files: job.status === 'done' ? RESULT_FILES.filter((f) => fs.existsSync(path.join(out, f))) : [],
    createdAt: iso(job.created_at)!,
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
  };
}

