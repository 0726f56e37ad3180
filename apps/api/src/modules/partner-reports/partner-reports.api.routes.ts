/**
 * The partner API (DESIGN §5: carriers and police send reports "by file upload or HTTP API"): a
 * partner's system authenticates with `Authorization: Bearer pt_…`; the token implies the campaign
 * and the partner. Same checks as an upload; another partner's report is a 404.
 */
import { Type } from '@sinclair/typebox';
import { PartnerPeriods, PartnerReportList, PartnerReportSubmission, PartnerReportView } from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { errorResponses, PARTNER_SECURITY } from '../../http/openapi.ts';
import { rawFromJson } from './partner-reports.parse.ts';
import { getReport, listReports, partnerPeriods, type Viewer } from './partner-reports.read.ts';
import { partnerContext, submitReport, withRaceAsConflict } from './partner-reports.service.ts';
import { reportTemplate } from './partner-reports.template.ts';
import { partnerFromAuthorization, type PartnerPrincipal } from './partner-reports.tokens.ts';

const TAGS = ['partner-api'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function partnerApiRoutes(app: App): void {
  const { db } = app.deps;
  // Resolved once per request (the POST checks it before reading the body, then uses it).
  const resolved = new WeakMap<FastifyRequest, Promise<PartnerPrincipal>>();
  const principal = (req: FastifyRequest) => {
    let p = resolved.get(req);
    if (!p) resolved.set(req, (p = partnerFromAuthorization(db, req.headers.authorization)));
    return p;
  };
  const viewerOf = (p: PartnerPrincipal): Viewer => ({
    campaign: p.campaign,
    scopePath: p.campaign.scope_path,
    partnerId: p.partner.id,
    actor: null,
  });

  app.post(
    '/api/v1/partner/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Đối tác gửi báo cáo qua API / a partner posts a report',
        description:
          'Số liệu lũy kế đến ngày cuối kỳ, mỗi dòng một xã: {periodEnd, revision?, rows: [{unitCode, values: {chỉ tiêu: số}}]}. Có lỗi: 422 (details.problems: line = vị trí trong rows, từ 1). Kỳ đã gửi mà không có revision=true: 409. Mã sai hoặc bị thu hồi: 401.',
        security: PARTNER_SECURITY,
        body: PartnerReportSubmission,
        response: { 201: PartnerReportView, ...errorResponses(400, 401, 409, 422) },
      },
      // The token is checked before the body is looked at.
      preValidation: async (req) => void (await principal(req)),
    },
    async (req, reply) => {
      const p = await principal(req);
      const ctx = await partnerContext(db, p.campaign, p.partner);
      const raw = rawFromJson(req.body.rows, ctx.metrics, ctx.campaignMetrics);
      const r = await withRaceAsConflict(() =>
        db.transaction().execute((trx) =>
          submitReport(trx, {
            ctx,
            periodEnd: req.body.periodEnd,
            revision: req.body.revision === true,
            raw,
            sender: {
              channel: 'api',
              staffId: null,
              tokenId: p.tokenId,
              fileName: null,
              scopePath: p.campaign.scope_path,
              actor: null,
              requestId: req.id,
            },
            now: new Date(),
          }),
        ),
      );
      return reply.status(201).send(await getReport(db, viewerOf(p), r.id));
    },
  );

  app.get(
    '/api/v1/partner/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Báo cáo đã gửi của đối tác / my reports',
        security: PARTNER_SECURITY,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: PartnerReportList, ...errorResponses(400, 401) },
      },
    },
    async (req) => listReports(db, viewerOf(await principal(req)), req.query),
  );

  app.get(
    '/api/v1/partner/reports/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Một báo cáo của đối tác / one of my reports',
        description: 'Báo cáo của đối tác khác: 404.',
        security: PARTNER_SECURITY,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: PartnerReportView, ...errorResponses(401, 404) },
      },
    },
    async (req) => getReport(db, viewerOf(await principal(req)), req.params.id),
  );

  app.get(
    '/api/v1/partner/periods',
    {
      schema: {
        tags: TAGS,
        summary: 'Kỳ báo cáo và hạn gửi / my reporting periods',
        security: PARTNER_SECURITY,
        response: { 200: PartnerPeriods, ...errorResponses(401) },
      },
    },
    async (req) => partnerPeriods(db, viewerOf(await principal(req))),
  );

  app.get(
    '/api/v1/partner/template.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: 'Mẫu báo cáo XLSX của đối tác / my report template',
        security: PARTNER_SECURITY,
        response: { 200: Type.Unknown({ description: 'Tệp XLSX' }), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      const p = await principal(req);
      const f = await reportTemplate(db, await partnerContext(db, p.campaign, p.partner), p.campaign.scope_path, new Date());
      return reply.header('content-disposition', `attachment; filename="${f.filename}"`).type(XLSX).send(f.body);
    },
  );
}
