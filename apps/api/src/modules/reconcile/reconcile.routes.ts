/**
 * Subscriber reconciliation over the API (issue 6 §4, docs/reconcile.md "API job and campaign
 * hand-off"): start a job with the two files, follow it, download the outputs. Who may do what:
 * reconcile.jobs.service.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { RECONCILE_RESULT_FILES, ReconcileJobView, StringEnum } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { errors } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { recordAudit } from '../../shared/audit.ts';
import { outputDir } from './reconcile.jobs.ts';
import { createJob, presentJob, readableJob } from './reconcile.jobs.service.ts';

const TAGS = ['reconcile'];
const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, description: 'Số yêu cầu đối soát' }) });
const FileParam = Type.Object({ id: Type.Integer({ minimum: 1 }), name: StringEnum(RECONCILE_RESULT_FILES) });

export function reconcileRoutes(app: App): void {
  const { db, config } = app.deps;

  app.post(
    '/api/v1/reconcile/jobs',
    {
      schema: {
        tags: TAGS,
        summary: 'Đối soát thuê bao với CSDL dân cư / start a reconciliation job',
        description:
          'multipart/form-data: subscribers (tệp thuê bao của nhà mạng), registry (tệp trích xuất CSDL dân cư), maxPerId, deadline (YYYY-MM-DD), campaign (mã hoặc số chiến dịch xác thực thuê bao nhận số thuê bao phải xác thực theo xã). Vai trò: điều phối viên cấp tỉnh hoặc của đơn vị điều phối chiến dịch. Trả 202 và số yêu cầu; chạy nền, theo dõi bằng GET. Tệp tải lên bị xóa khi chạy xong.',
        security: STAFF_SECURITY,
        consumes: ['multipart/form-data'],
        response: { 202: Type.Object({ id: Type.Integer() }), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const id = await createJob(db, config, requireActor(req), req);
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/v1/reconcile/jobs/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Trạng thái yêu cầu đối soát / job status',
        description: 'queued, running (số dòng, tốc độ, thời gian còn lại), done (tóm tắt, tệp kết quả), failed (lý do). Cán bộ thuộc đơn vị đã tạo yêu cầu (hoặc cấp trên) xem được.',
        security: STAFF_SECURITY,
        params: IdParam,
        response: { 200: ReconcileJobView, ...errorResponses(401, 404) },
      },
    },
    async (req) => presentJob(config, await readableJob(db, requireActor(req), req.params.id)),
  );

  app.get(
    '/api/v1/reconcile/jobs/:id/files/:name',
    {
      schema: {
        tags: TAGS,
        summary: 'Tải tệp kết quả đối soát / download a result file',
        description: 'results.csv, outreach.csv, rejected.csv, over_limit.csv, summary.json. Mỗi lần tải được ghi nhật ký (dữ liệu cá nhân).',
        security: STAFF_SECURITY,
        params: FileParam,
        response: {
          200: {
            description: 'Tệp CSV (UTF-8, có BOM) hoặc JSON',
            content: {
              'text/csv': { schema: Type.Unsafe<fs.ReadStream>({ type: 'string', format: 'binary' }) },
              'application/json': { schema: Type.Unsafe<fs.ReadStream>({ type: 'string', format: 'binary' }) },
            },
          },
          ...errorResponses(401, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const job = await readableJob(db, actor, req.params.id);
      if (job.status !== 'done')
        throw errors.conflict('Yêu cầu đối soát chưa xong hoặc bị lỗi: chưa có tệp kết quả.', 'The job has no result files.', { status: job.status });
      const file = path.join(outputDir(config, Number(job.id)), req.params.name);
      if (!fs.existsSync(file)) throw errors.notFound(`tệp ${req.params.name}`, `File ${req.params.name}`);
      await recordAudit(db, {
        actor,
        action: 'reconcile.file.download',
        target: `reconcile_job:${job.id}`,
        unitId: Number(job.unit_id),
        requestId: req.id,
        details: { file: req.params.name },
      });
      const json = req.params.name.endsWith('.json');
      return reply
        .header('content-disposition', `attachment; filename="doi-soat-${job.id}-${req.params.name}"`)
        .type(json ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .send(fs.createReadStream(file));
    },
  );
}
