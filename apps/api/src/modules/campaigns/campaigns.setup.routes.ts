/**
 * Changing a campaign after creation over HTTP (docs/campaigns.md, "changing a campaign"): partners,
 * rounds, metrics, per-level targets. Registered by campaignsRoutes. Rules and scope in campaigns.setup.ts.
 */
import { Type } from '@sinclair/typebox';
import {
  CampaignLevelTargetsInput,
  CampaignMetricInput,
  CampaignMetricPatch,
  CampaignMetricView,
  CampaignPartnerInput,
  CampaignPartnerPatch,
  CampaignPartnerView,
  CampaignRoundsInput,
  CampaignRoundView,
  CampaignTargetView,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import type { Ctx } from './campaigns.service.ts';
import * as setup from './campaigns.setup.ts';

const Ref = Type.String({
  pattern: '^[A-Za-z0-9._-]{1,64}$',
  description: 'Mã chiến dịch (ví dụ AG-XTTB-2026) hoặc số định danh',
});
const RefParam = Type.Object({ ref: Ref });
const PartnerParams = Type.Object({ ref: Ref, id: Type.Integer({ minimum: 1, description: 'Số định danh đối tác' }) });
const MetricParams = Type.Object({
  ref: Ref,
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$', description: 'Mã chỉ tiêu' }),
});
const WHO = 'Vai trò: campaign_coordinator, admin của đơn vị chủ trì hoặc cấp trên (như sửa chiến dịch). Có ghi nhật ký.';
const authenticated = async (req: FastifyRequest) => void requireActor(req);
const base = { tags: ['campaigns'], security: STAFF_SECURITY };

export function campaignSetupRoutes(app: App): void {
  const { db } = app.deps;
  const ctx = (req: FastifyRequest): Ctx => ({ actor: req.actor, requestId: req.id });
  const tx = <T>(fn: (trx: typeof db) => Promise<T>) => db.transaction().execute(fn);

  app.post(
    '/api/v1/campaigns/:ref/partners',
    {
      schema: {
        ...base,
        summary: 'Thêm đối tác báo cáo / add a reporting partner',
        description: `${WHO} Đơn vị đối tác (nhà mạng, công an, bưu điện) theo mã; chỉ tiêu là chỉ tiêu đếm nguồn report; báo cáo theo đợt cần chiến dịch có đợt. Đã là đối tác: 409.`,
        params: RefParam,
        body: CampaignPartnerInput,
        response: { 201: CampaignPartnerView, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => setup.addPartner(trx, ctx(req), req.params.ref, req.body))),
  );

  app.patch(
    '/api/v1/campaigns/:ref/partners/:id',
    {
      schema: {
        ...base,
        summary: 'Sửa kỳ báo cáo, hạn nộp, chỉ tiêu của đối tác / update a partner',
        description: `${WHO} Đối tác đã gửi báo cáo thì không đổi được kỳ báo cáo (409).`,
        params: PartnerParams,
        body: CampaignPartnerPatch,
        response: { 200: CampaignPartnerView, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req) => tx((trx) => setup.updatePartner(trx, ctx(req), req.params.ref, req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/campaigns/:ref/partners/:id',
    {
      schema: {
        ...base,
        summary: 'Xóa đối tác chưa gửi báo cáo / remove a partner',
        description: `${WHO} Đối tác đã gửi báo cáo thì không xóa được (409). Khóa API của đối tác bị xóa theo.`,
        params: PartnerParams,
        response: { 204: Type.Null({ description: 'Đã xóa' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      await tx((trx) => setup.removePartner(trx, ctx(req), req.params.ref, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/campaigns/:ref/rounds',
    {
      schema: {
        ...base,
        summary: 'Thay danh sách đợt báo cáo / replace the reporting rounds',
        description: `${WHO} Số thứ tự liên tiếp từ 1; ngày cuối số liệu ≥ ngày đầu; hạn báo cáo ≥ ngày cuối số liệu; khoảng số liệu giao với thời gian chiến dịch (400 kèm danh sách). Đợt đã có báo cáo của đối tác giữ nguyên khoảng số liệu (409).`,
        params: RefParam,
        body: CampaignRoundsInput,
        response: { 200: Type.Array(CampaignRoundView), ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req) => tx((trx) => setup.replaceRounds(trx, ctx(req), req.params.ref, req.body)),
  );

  app.post(
    '/api/v1/campaigns/:ref/metrics',
    {
      schema: {
        ...base,
        summary: 'Thêm chỉ tiêu / add a metric',
        description: `${WHO} Cùng quy tắc như khi tạo chiến dịch: tỷ lệ nguồn report/desk/baseline cần tử số và mẫu số là chỉ tiêu đếm; nguồn kpi cần kpiIndicator hợp lệ (400). Trùng mã: 409.`,
        params: RefParam,
        body: CampaignMetricInput,
        response: { 201: CampaignMetricView, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => setup.addMetric(trx, ctx(req), req.params.ref, req.body))),
  );

  app.patch(
    '/api/v1/campaigns/:ref/metrics/:code',
    {
      schema: {
        ...base,
        summary: 'Sửa tên chỉ tiêu / rename a metric',
        description: `${WHO} Chỉ sửa tên (tiếng Việt, tiếng Anh).`,
        params: MetricParams,
        body: CampaignMetricPatch,
        response: { 200: CampaignMetricView, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => tx((trx) => setup.updateMetric(trx, ctx(req), req.params.ref, req.params.code, req.body)),
  );

  app.delete(
    '/api/v1/campaigns/:ref/metrics/:code',
    {
      schema: {
        ...base,
        summary: 'Xóa chỉ tiêu chưa dùng / remove an unused metric',
        description: `${WHO} Chỉ tiêu đã có chỉ tiêu giao, số liệu nền, đối tác báo cáo, giá trị đã báo cáo hoặc là tử số/mẫu số của tỷ lệ khác thì không xóa được (409).`,
        params: MetricParams,
        response: { 204: Type.Null({ description: 'Đã xóa' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      await tx((trx) => setup.removeMetric(trx, ctx(req), req.params.ref, req.params.code));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/campaigns/:ref/targets/levels',
    {
      schema: {
        ...base,
        summary: 'Thay chỉ tiêu theo cấp / replace the per-level targets',
        description: `${WHO} Danh sách (chỉ tiêu, cấp, giá trị) thay toàn bộ chỉ tiêu theo cấp; chỉ tiêu theo đơn vị giữ nguyên (tải lên bằng tệp XLSX). Tỷ lệ 0–1, số đếm nguyên, không đặt cho số liệu nền.`,
        params: RefParam,
        body: CampaignLevelTargetsInput,
        response: { 200: Type.Array(CampaignTargetView), ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => tx((trx) => setup.replaceLevelTargets(trx, ctx(req), req.params.ref, req.body)),
  );
}
