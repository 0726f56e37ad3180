import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  KPI_FORMATS,
  KPI_LEVELS,
  KPI_MONTH_PATTERN,
  KpiPublishedList,
  KpiPublishedMonth,
  KpiReport,
  KpiSnapshotRequest,
  KpiTargetImportReport,
  KpiTargetList,
  StringEnum,
} from '@motcua/contracts';
import type { App } from '../../app.ts';
import { errors } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { readTabularBuffer } from '../../shared/tabular.ts';
import { reportCsv, reportXlsx } from './kpi.presenter.ts';
import * as kpi from './kpi.service.ts';
import { importTargetRows, listTargets } from './kpi.targets.ts';

const IsoDate = (description: string) => Type.String({ format: 'date', description });
const Month = Type.String({ pattern: KPI_MONTH_PATTERN, description: 'Tháng YYYY-MM' });
const authenticated = async (req: FastifyRequest) => void requireActor(req);
const SECURED = STAFF_SECURITY;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_CONTENT_TYPES = ['text/csv', XLSX, 'application/octet-stream'];

export function kpiRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/kpi',
    {
      schema: {
        tags: ['kpi'],
        summary: 'Chỉ số phục vụ người dân theo QĐ 766 / service indicators',
        description:
          'Vai trò: monitor, approver, admin; trong cây đơn vị của mình. Không có `unit`: mỗi đơn vị giải quyết có số liệu một dòng và dòng `total`; có `unit`: một dòng cho cả cây đơn vị đó; `level`: một dòng cho mỗi đơn vị cấp đó. format=csv|xlsx trả về tệp (CSV có BOM). Định nghĩa: docs/indicators.md.',
        security: SECURED,
        querystring: Type.Object({
          from: IsoDate('Ngày đầu kỳ (giờ Việt Nam), YYYY-MM-DD'),
          to: IsoDate('Ngày cuối kỳ (tính cả ngày này), YYYY-MM-DD'),
          unit: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị' })),
          level: Type.Optional(StringEnum(KPI_LEVELS, { description: 'Một dòng cho mỗi đơn vị cấp này' })),
          format: Type.Optional(StringEnum(KPI_FORMATS, { default: 'json' })),
        }),
        response: {
          200: {
            description: 'Báo cáo (JSON), hoặc tệp CSV/XLSX khi có format',
            content: {
              'application/json': { schema: KpiReport },
              'text/csv': { schema: Type.String({ description: 'CSV UTF-8 có BOM, tiêu đề tiếng Việt' }) },
              [XLSX]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp XLSX' }) },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
      // Anonymous callers are turned away before their query is looked at.
      preValidation: authenticated,
    },
    async (req, reply) => {
      const report = await kpi.reportForActor(db, requireActor(req), req.query);
      const format = req.query.format ?? 'json';
      if (format === 'json') return report;
      const name = `chi-so-766-${report.from}-${report.to}`;
      if (format === 'csv') {
        return reply
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(reportCsv(report));
      }
      return reply
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .type(XLSX)
        .send(await reportXlsx(report));
    },
  );

  app.post(
    '/api/v1/kpi/snapshots',
    {
      schema: {
        tags: ['kpi'],
        summary: 'Chốt và công bố số liệu một tháng / freeze and publish a month',
        description: 'Vai trò: monitor cấp tỉnh. Mỗi tháng chỉ công bố một lần (409 nếu đã công bố); tháng phải đã kết thúc.',
        security: SECURED,
        body: KpiSnapshotRequest,
        response: { 201: KpiPublishedMonth, ...errorResponses(400, 401, 403, 409) },
      },
      // Anonymous callers are turned away before their query is looked at.
      preValidation: authenticated,
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const published = await db
        .transaction()
        .execute((trx) => kpi.publishMonth(trx, actor, req.body.month, { provinceCode: config.provinceCode, requestId: req.id }));
      return reply.status(201).send(published);
    },
  );

  app.get(
    '/api/v1/kpi/published',
    {
      schema: {
        tags: ['kpi'],
        summary: 'Các tháng đã công bố (công khai) / published months',
        response: { 200: KpiPublishedList },
      },
    },
    async () => ({ items: await kpi.listPublished(db) }),
  );

  app.get(
    '/api/v1/kpi/published/:month',
    {
      schema: {
        tags: ['kpi'],
        summary: 'Số liệu đã công bố của một tháng (công khai) / a published month',
        description: 'Số liệu tổng hợp theo đơn vị, đóng băng khi công bố; không có dữ liệu cá nhân.',
        params: Type.Object({ month: Month }),
        response: { 200: KpiPublishedMonth, ...errorResponses(400, 404) },
      },
    },
    async (req) => kpi.getPublishedMonth(db, req.params.month),
  );

  app.get(
    '/api/v1/kpi/targets',
    {
      schema: {
        tags: ['kpi'],
        summary: 'Chỉ tiêu theo đơn vị/cấp và năm / targets',
        description: 'Vai trò: monitor, approver, admin.',
        security: SECURED,
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: KpiTargetList, ...errorResponses(400, 401, 403) },
      },
      // Anonymous callers are turned away before their query is looked at.
      preValidation: authenticated,
    },
    async (req) => ({ items: await listTargets(db, requireActor(req), req.query.year) }),
  );

  // A plugin of its own so the raw-file body parsers apply to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(IMPORT_CONTENT_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser('application/json');
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/kpi/targets/import',
      {
        schema: {
          tags: ['kpi'],
          summary: 'Nhập chỉ tiêu từ CSV/XLSX / import targets',
          description:
            'Vai trò: admin, monitor. Cột: year, scope (unit|level), unit_code, level, indicator, target [, source]. Chỉ tiêu theo đơn vị: trong cây đơn vị của mình; theo cấp: cán bộ cấp tỉnh. Có dòng sai thì không ghi gì (422).',
          security: SECURED,
          consumes: IMPORT_CONTENT_TYPES,
          response: { 200: KpiTargetImportReport, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
        preParsing: authenticated,
      },
      async (req) => {
        const buf = req.body;
        if (!Buffer.isBuffer(buf) || buf.length === 0) throw errors.validation({ field: 'body' }, 'Chưa gửi tệp CSV hoặc XLSX.');
        const rows = await readTabularBuffer(buf).catch(() => {
          throw errors.validation({ field: 'body' }, 'Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX.');
        });
        return db
          .transaction()
          .execute((trx) => importTargetRows(trx, req.actor, rows, { provinceCode: config.provinceCode, requestId: req.id }));
      },
    );
  });
}
