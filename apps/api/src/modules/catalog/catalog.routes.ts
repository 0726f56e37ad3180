import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ONLINE_LEVELS,
  PROCEDURE_EXPORT_FORMATS,
  PROCEDURE_LEVELS,
  ProcedureImportReport,
  ProcedureList,
  ProcedureView,
  StringEnum,
} from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { presentProcedure, presentProcedureSummary } from './catalog.presenter.ts';
import * as catalog from './catalog.service.ts';

/** What an import upload may be sent as; XLSX is recognised by content, so octet-stream is fine too. */
const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

export function catalogRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Tra cứu thủ tục hành chính / search procedures',
        description: 'Tìm không phân biệt dấu, kiểu bỏ dấu cũ/mới (hoà/hòa) và NFC/NFD; mọi từ đều phải khớp.',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200, description: 'Tên, mã hoặc lĩnh vực' })),
          level: Type.Optional(StringEnum(PROCEDURE_LEVELS, { description: 'Cấp thực hiện' })),
          agency: Type.Optional(
            Type.String({ minLength: 1, maxLength: 300, description: 'Mã đơn vị (91.CA) hoặc tên cơ quan thực hiện' }),
          ),
          field: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Lĩnh vực, e.g. "Hộ tịch"' })),
          online: Type.Optional(StringEnum(ONLINE_LEVELS, { description: 'Mức độ dịch vụ công trực tuyến' })),
          complete: Type.Optional(
            Type.Boolean({
              description: 'true: đã công khai đủ thông tin (thành phần, thời hạn, phí, mức độ, biểu mẫu); false: còn thiếu',
            }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: ProcedureList, ...errorResponses(400) },
      },
    },
    async (req) => {
      const { rows, total } = await catalog.searchProcedures(db, req.query);
      return { items: rows.map(presentProcedureSummary), total };
    },
  );

  // Fastify matches this static path before /:code, so "export" is never taken for a code.
  app.get(
    '/api/v1/procedures/export',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Xuất toàn bộ danh mục (CSV/XLSX) / export the catalogue',
        description: 'CSV UTF-8 có BOM (mở được bằng Excel) hoặc XLSX; cùng bố cục cột với tệp nhập (docs/catalog.md).',
        querystring: Type.Object({ format: Type.Optional(StringEnum(PROCEDURE_EXPORT_FORMATS, { default: 'csv' })) }),
        response: {
          200: Type.Unknown({ description: 'Tệp CSV (UTF-8, có BOM) hoặc XLSX, kèm Content-Disposition' }),
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) => {
      const f = await catalog.exportCatalog(db, req.query.format ?? 'csv');
      return reply.header('content-disposition', `attachment; filename="${f.filename}"`).type(f.contentType).send(f.body);
    },
  );

  app.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Chi tiết một thủ tục / one procedure',
        params: Type.Object({ code: Type.String({ maxLength: 20, description: 'Mã thủ tục quốc gia, e.g. 1.001193' }) }),
        response: { 200: ProcedureView, ...errorResponses(400, 404) },
      },
    },
    async (req) => presentProcedure(await catalog.getProcedure(db, req.params.code)),
  );

  // A plugin of its own so the raw-file body parsers apply to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(IMPORT_CONTENT_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    // A spreadsheet is never JSON; without this a JSON body would reach the handler as an object.
    scope.removeContentTypeParser('application/json');
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/procedures/import',
      {
        schema: {
          tags: ['procedures'],
          summary: 'Nhập danh mục từ CSV/XLSX / import procedures',
          description:
            'Vai trò: admin cấp tỉnh. Gửi nguyên tệp (text/csv hoặc XLSX). Mọi dòng hợp lệ thì ghi (thêm mới hoặc cập nhật theo mã); có dòng sai thì không ghi gì và trả 422 liệt kê từng dòng.',
          security: STAFF_SECURITY,
          consumes: IMPORT_CONTENT_TYPES,
          response: { 200: ProcedureImportReport, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
        // Anonymous callers are turned away before their upload is read.
        preParsing: async (req) => void requireActor(req),
      },
      async (req) => {
        const province = await catalog.authorizeCatalogEdit(db, req.actor, config.provinceCode);
        const rows = await catalog.readImportBuffer(req.body);
        return db
          .transaction()
          .execute((trx) => catalog.importProcedures(trx, req.actor!, rows, { unitId: province.id, requestId: req.id }));
      },
    );
  });
}
