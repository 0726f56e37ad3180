import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RESULT_ID_PATTERN, ResultFileVerification, ResultVerification, ResultView, RevokeResult } from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { AppError } from '../../errors.ts';
import { requireActor, requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import * as results from './results.service.ts';

/** An uploaded copy to check: a result PDF is ~60 KB; anything above this is not one of ours. */
const MAX_UPLOAD = 10 * 1024 * 1024;
const RAW_TYPES = ['application/pdf', 'application/octet-stream'];

const IdParam = Type.Object({ id: Type.String({ pattern: RESULT_ID_PATTERN, description: 'Mã văn bản (in trong mã QR)' }) });
// The public check accepts any text: a mistyped id answers not_found rather than a validation error.
const PublicIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Mã văn bản (in trong mã QR)' }) });
const PDF_RESPONSE = {
  description: 'Tệp PDF đã ký số (PAdES), đúng từng byte như khi ban hành',
  content: { 'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
};
const BOTH = [...STAFF_SECURITY, ...CITIZEN_SECURITY];

function tooLarge() {
  return new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn (tối đa 10 MB).', 'File too large (10 MB at most).');
}

/** The uploaded bytes: a raw PDF body, or the one file of a multipart form. */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp PDF (application/pdf) hoặc biểu mẫu multipart/form-data có một tệp.', 'Send the PDF raw or as multipart/form-data.');
  }
  let part;
  try {
    part = await req.file({ limits: { fileSize: MAX_UPLOAD, files: 1 } });
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Biểu mẫu không hợp lệ.', 'Bad multipart form.');
    throw e;
  }
  if (!part) throw new AppError('VALIDATION_FAILED', 'Chưa chọn tệp để kiểm tra.', 'No file uploaded.', [{ field: 'file', message: 'bắt buộc' }]);
  const bytes = await part.toBuffer().catch((e: { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
  });
  if (part.file.truncated) throw tooLarge();
  return bytes;
}

export function resultsRoutes(app: App): void {
  const { db, config } = app.deps;
  results.configureResults({ publicUrl: config.publicUrl, dataDir: config.dataDir, provinceName: config.provinceName });

  app.get(
    '/api/v1/verify/:id',
    {
      schema: {
        tags: ['results'],
        summary: 'Tra cứu văn bản điện tử theo mã QR (công khai) / verify a result by its QR id',
        description:
          'Công khai. Trả trạng thái valid | revoked | not_found và những gì cần để đối chiếu với văn bản: số, ngày ký, cơ quan ban hành, thủ tục, mã băm SHA-256; tên người nộp đã che, không có số định danh.',
        params: PublicIdParam,
        response: { 200: ResultVerification, ...errorResponses(400) },
      },
    },
    async (req) => results.verifyResult(db, req.params.id),
  );

  // Raw-file body parsers for the two upload checks only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser('application/json');
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    const description =
      'Công khai. Gửi nguyên tệp PDF (Content-Type: application/pdf) hoặc multipart/form-data với một tệp (tối đa 10 MB). valid chỉ khi tệp trùng từng byte với bản đã cấp (SHA-256) và chữ ký số nhúng trong tệp hợp lệ với chứng thư của đơn vị ban hành do CA của hệ thống cấp; sửa một byte → invalid kèm lý do.';
    api.post(
      '/api/v1/verify/:id/file',
      {
        schema: {
          tags: ['results'],
          summary: 'Kiểm tra tệp văn bản điện tử theo mã (công khai) / check an uploaded copy',
          description,
          params: PublicIdParam,
          consumes: [...RAW_TYPES, 'multipart/form-data'],
          response: { 200: ResultFileVerification, ...errorResponses(400, 413, 415) },
        },
      },
      async (req) => results.verifyResultFile(db, req.params.id, await uploadedFile(req)),
    );
    api.post(
      '/api/v1/verify/file',
      {
        schema: {
          tags: ['results'],
          summary: 'Kiểm tra tệp văn bản điện tử không cần mã (công khai) / check a copy by its content',
          description: `${description} Văn bản được tìm theo mã băm của tệp; không có → not_found.`,
          consumes: [...RAW_TYPES, 'multipart/form-data'],
          response: { 200: ResultFileVerification, ...errorResponses(400, 413, 415) },
        },
      },
      async (req) => results.verifyResultFile(db, null, await uploadedFile(req)),
    );
  });

  app.get(
    '/api/v1/results/:id',
    {
      schema: {
        tags: ['results'],
        summary: 'Thông tin văn bản kết quả / one result',
        description:
          'Cán bộ có quyền xem hồ sơ (dossier.read) của đơn vị ban hành, hoặc công dân chủ hồ sơ. Người khác nhận 404 như mã không tồn tại. Mỗi lần xem được ghi nhật ký.',
        security: BOTH,
        params: IdParam,
        response: { 200: ResultView, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => results.getResult(db, { actor: req.actor, citizen: req.citizen }, req.params.id, { requestId: req.id }),
  );

  app.get(
    '/api/v1/results/:id/pdf',
    {
      schema: {
        tags: ['results'],
        summary: 'Tải văn bản kết quả PDF đã ký / download the signed PDF',
        description:
          'Cán bộ có quyền xem hồ sơ (dossier.read) của đơn vị ban hành, hoặc công dân chủ hồ sơ; người khác nhận 404. Mỗi lần tải được ghi nhật ký (và vào nhật ký truy cập dữ liệu của công dân khi cán bộ tải).',
        security: BOTH,
        params: IdParam,
        response: { 200: PDF_RESPONSE, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const f = await results.getResultPdf(db, { actor: req.actor, citizen: req.citizen }, req.params.id, { requestId: req.id });
      return reply
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .header('cache-control', 'private, no-store')
        .type('application/pdf')
        .send(f.bytes);
    },
  );

  app.post(
    '/api/v1/results/:id/revoke',
    {
      schema: {
        tags: ['results'],
        summary: 'Thu hồi văn bản kết quả / revoke a result',
        description:
          'Vai trò: approver của đơn vị ban hành (hoặc đơn vị cấp trên). Bắt buộc nêu lý do. Sau khi thu hồi, tra cứu theo mã QR trả revoked kèm lý do. Đã thu hồi → 409. Ghi nhật ký.',
        security: STAFF_SECURITY,
        params: IdParam,
        body: RevokeResult,
        response: { 200: ResultView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db
        .transaction()
        .execute((trx) => results.revokeResult(trx, actor, req.params.id, req.body.reason, { now: new Date(), requestId: req.id }));
    },
  );

  app.get(
    '/api/v1/me/results',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Văn bản kết quả của tôi / my results',
        description: 'Kết quả điện tử đã ký của các hồ sơ công dân đã nộp trực tuyến, mới nhất trước.',
        security: CITIZEN_SECURITY,
        response: { 200: Type.Object({ items: Type.Array(ResultView) }), ...errorResponses(401) },
      },
    },
    async (req) => ({ items: await results.resultsForCitizen(db, requireCitizen(req).citizenId) }),
  );
}
