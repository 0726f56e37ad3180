/**
 * Staff endpoints of partner reports under /api/v1/campaigns/:ref/… (docs/partner-reports.md): upload,
 * list, one report with its history, approve / reject, the XLSX template, the partner's periods, and
 * the partner API tokens. Every route goes through campaignAccess first.
 */
import { Type } from '@sinclair/typebox';
import {
  PARTNER_REPORT_STATUSES,
  PartnerPeriods,
  PartnerReportDecision,
  PartnerReportList,
  PartnerReportView,
  PartnerTokenCreate,
  PartnerTokenIssued,
  PartnerTokenList,
  StringEnum,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import type { Action } from '../../shared/policy.ts';
import { campaignAccess } from '../campaigns/campaigns.access.ts';
import { rawFromFile } from './partner-reports.parse.ts';
import { getReport, listReports, partnerPeriods, type Viewer } from './partner-reports.read.ts';
import {
  decideReport,
  partnerContext,
  resolvePartner,
  submitReport,
  withRaceAsConflict,
  type SubmitInput,
} from './partner-reports.service.ts';
import { reportTemplate } from './partner-reports.template.ts';
import { issueToken, listTokens, revokeToken } from './partner-reports.tokens.ts';
import { receiveReportUpload, truthy } from './partner-reports.upload.ts';
import { partnerApiRoutes } from './partner-reports.api.routes.ts';

const TAGS = ['partner-reports'];
const Ref = Type.String({ minLength: 1, maxLength: 64, description: 'Mã hoặc số chiến dịch' });
const RefParam = Type.Object({ ref: Ref });
const ReportParam = Type.Object({ ref: Ref, id: Type.Integer({ minimum: 1, description: 'Số báo cáo' }) });
const PartnerParam = Type.Object({ ref: Ref, partnerId: Type.Integer({ minimum: 1, description: 'Số đối tác của chiến dịch' }) });
const PartnerQuery = Type.String({ minLength: 1, maxLength: 30, description: 'Đối tác: mã đơn vị (91.VIETTEL) hoặc số đối tác' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function viewerFor(db: Db, req: FastifyRequest, ref: string, action: Action): Promise<Viewer> {
  const actor = requireActor(req);
  const a = await campaignAccess(db, actor, ref, action);
  return { campaign: a.campaign, scopePath: a.scopePath, partnerId: a.partnerId, actor };
}

export function partnerReportsRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/campaigns/:ref/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Báo cáo của đối tác / partner reports',
        description:
          'Vai trò: campaign.read hoặc cán bộ của đối tác. Đối tác chỉ thấy báo cáo của mình; điều phối viên, giám sát thấy báo cáo có đơn vị trong phạm vi của mình. status=pending: hàng chờ duyệt.',
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({
          status: Type.Optional(StringEnum(PARTNER_REPORT_STATUSES)),
          partner: Type.Optional(PartnerQuery),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: PartnerReportList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listReports(db, await viewerFor(db, req, req.params.ref, 'campaign.read'), req.query),
  );

  app.get(
    '/api/v1/campaigns/:ref/reports/periods',
    {
      schema: {
        tags: TAGS,
        summary: 'Kỳ báo cáo của đối tác và báo cáo đã gửi / reporting periods',
        description:
          'Mỗi kỳ (theo chu kỳ của đối tác): ngày đầu, ngày cuối, hạn gửi, lần gửi gần nhất. Đối tác chỉ thấy của mình.',
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({ partner: Type.Optional(PartnerQuery) }),
        response: { 200: PartnerPeriods, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => partnerPeriods(db, await viewerFor(db, req, req.params.ref, 'campaign.read'), req.query.partner),
  );

  app.get(
    '/api/v1/campaigns/:ref/reports/template.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: 'Mẫu báo cáo XLSX / report template',
        description:
          'Cột unit_code, unit_name và các chỉ tiêu của đối tác; dòng 2 (bắt đầu bằng "#") ghi tên tiếng Việt; các xã, phường trong phạm vi được điền sẵn; trang "Hướng dẫn" liệt kê các kỳ và hạn gửi. Điều phối viên chọn đối tác bằng partner.',
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({ partner: Type.Optional(PartnerQuery) }),
        response: { 200: Type.Unknown({ description: 'Tệp XLSX' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const v = await viewerFor(db, req, req.params.ref, 'campaign.read');
      const partner = await resolvePartner(db, v.campaign.id, v.partnerId ?? req.query.partner);
      const f = await reportTemplate(db, await partnerContext(db, v.campaign, partner), v.scopePath, new Date());
      return reply.header('content-disposition', `attachment; filename="${f.filename}"`).type(XLSX).send(f.body);
    },
  );

  app.get(
    '/api/v1/campaigns/:ref/reports/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Một báo cáo, số liệu và lịch sử sửa đổi / one report',
        description: 'Số liệu chỉ của các đơn vị trong phạm vi người xem. Báo cáo của đối tác khác hoặc ngoài phạm vi: 404.',
        security: STAFF_SECURITY,
        params: ReportParam,
        response: { 200: PartnerReportView, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => getReport(db, await viewerFor(db, req, req.params.ref, 'campaign.read'), req.params.id),
  );

  app.post(
    '/api/v1/campaigns/:ref/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Gửi báo cáo bằng tệp CSV/XLSX / upload a report',
        description:
          'multipart/form-data: file (CSV UTF-8 hoặc XLSX; cột unit_code, unit_name, các chỉ tiêu, tùy chọn period_end), periodEnd (ngày cuối kỳ), revision (true: báo cáo sửa đổi), partner (điều phối viên gửi thay đối tác). Có lỗi: 422 liệt kê mọi dòng sai, không ghi gì. Kỳ đã có báo cáo mà không đánh dấu sửa đổi: 409. Số lũy kế giảm so với kỳ trước, gửi trễ hạn: vẫn nhận, có cảnh báo.',
        security: STAFF_SECURITY,
        params: RefParam,
        consumes: ['multipart/form-data'],
        response: { 201: PartnerReportView, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const v = await viewerFor(db, req, req.params.ref, 'campaign.report');
      const upload = await receiveReportUpload(req, config.uploadMaxBytes);
      let partnerRef: string | number | undefined = upload.fields.partner || undefined;
      if (v.partnerId !== null) {
        if (partnerRef !== undefined && (await resolvePartner(db, v.campaign.id, partnerRef)).id !== v.partnerId)
          throw errors.forbidden({ reason: 'other_partner' });
        partnerRef = v.partnerId;
      }
      const ctx = await partnerContext(db, v.campaign, await resolvePartner(db, v.campaign.id, partnerRef));
      const input: SubmitInput = {
        ctx,
        periodEnd: upload.fields.periodEnd || undefined,
        revision: truthy(upload.fields.revision),
        raw: rawFromFile(upload.rows, ctx.metrics, ctx.campaignMetrics),
        sender: {
          channel: 'upload',
          staffId: v.actor!.staffId,
          tokenId: null,
          fileName: upload.fileName,
          scopePath: v.scopePath,
          actor: v.actor,
          requestId: req.id,
        },
        now: new Date(),
      };
      const r = await withRaceAsConflict(() => db.transaction().execute((trx) => submitReport(trx, input)));
      return reply.status(201).send(await getReport(db, v, r.id));
    },
  );

  for (const decision of ['approve', 'reject'] as const)
    app.post(
      `/api/v1/campaigns/:ref/reports/:id/${decision}`,
      {
        schema: {
          tags: TAGS,
          summary: decision === 'approve' ? 'Duyệt báo cáo / approve a report' : 'Từ chối báo cáo / reject a report',
          description:
            decision === 'approve'
              ? 'Vai trò: campaign_coordinator; mọi đơn vị của báo cáo phải trong phạm vi người duyệt (403 nếu không). Báo cáo có cảnh báo: cần acknowledgeWarnings=true. Chỉ báo cáo đã duyệt được tính vào tiến độ; bản sửa đổi được duyệt thay thế bản trước.'
              : 'Vai trò: campaign_coordinator; bắt buộc ghi lý do (note). Mọi đơn vị của báo cáo phải trong phạm vi người duyệt.',
          security: STAFF_SECURITY,
          params: ReportParam,
          body: PartnerReportDecision,
          response: { 200: PartnerReportView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const v = await viewerFor(db, req, req.params.ref, 'campaign.approve');
        await db.transaction().execute((trx) =>
          decideReport(trx, {
            campaignId: v.campaign.id,
            reportId: req.params.id,
            scopePath: v.scopePath,
            actor: v.actor!,
            decision,
            acknowledgeWarnings: req.body.acknowledgeWarnings === true,
            note: req.body.note ?? null,
            now: new Date(),
            requestId: req.id,
          }),
        );
        return getReport(db, v, req.params.id);
      },
    );

  app.post(
    '/api/v1/campaigns/:ref/partners/:partnerId/tokens',
    {
      schema: {
        tags: TAGS,
        summary: 'Cấp mã truy cập API cho đối tác / issue a partner token',
        description:
          'Vai trò: campaign.manage của đơn vị điều phối (hoặc cấp tỉnh). Mã pt_… chỉ hiển thị một lần; hệ thống chỉ lưu giá trị băm SHA-256. Dùng: Authorization: Bearer pt_… với /api/v1/partner/reports.',
        security: STAFF_SECURITY,
        params: PartnerParam,
        body: PartnerTokenCreate,
        response: { 201: PartnerTokenIssued, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const access = await campaignAccess(db, actor, req.params.ref, 'campaign.manage');
      const t = await db
        .transaction()
        .execute((trx) => issueToken(trx, access, actor, req.params.partnerId, req.body.label ?? '', req.id));
      return reply.status(201).send(t);
    },
  );

  app.get(
    '/api/v1/campaigns/:ref/partners/:partnerId/tokens',
    {
      schema: {
        tags: TAGS,
        summary: 'Mã truy cập của đối tác / partner tokens',
        description: 'Vai trò: campaign.manage của đơn vị điều phối (hoặc cấp tỉnh). Không hiển thị giá trị mã.',
        security: STAFF_SECURITY,
        params: PartnerParam,
        response: { 200: PartnerTokenList, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const access = await campaignAccess(db, requireActor(req), req.params.ref, 'campaign.manage');
      return { items: await listTokens(db, access, req.params.partnerId) };
    },
  );

  app.delete(
    '/api/v1/campaigns/:ref/partners/:partnerId/tokens/:tokenId',
    {
      schema: {
        tags: TAGS,
        summary: 'Thu hồi mã truy cập / revoke a partner token',
        description: 'Vai trò: campaign.manage của đơn vị điều phối (hoặc cấp tỉnh). Mã bị thu hồi nhận 401 ngay.',
        security: STAFF_SECURITY,
        params: Type.Object({ ref: Ref, partnerId: Type.Integer({ minimum: 1 }), tokenId: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null({ description: 'Đã thu hồi' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const access = await campaignAccess(db, actor, req.params.ref, 'campaign.manage');
      await db
        .transaction()
        .execute((trx) => revokeToken(trx, access, actor, req.params.partnerId, req.params.tokenId, new Date(), req.id));
      return reply.status(204).send(null);
    },
  );

  partnerApiRoutes(app);
}
